package com.helpdesk.sla.web;

import java.util.List;
import java.util.Locale;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.PlanCommand;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of support plans and their service levels.
 */
@Controller
class PlanAdminController {

	private final Directory directory;

	private final SlaPolicies policies;

	private final Calendars calendars;

	private final MessageSource messages;

	PlanAdminController(Directory directory, SlaPolicies policies, Calendars calendars, MessageSource messages) {
		this.directory = directory;
		this.policies = policies;
		this.calendars = calendars;
		this.messages = messages;
	}

	/**
	 * A plan as the list shows it.
	 */
	record PlanRow(long id, String name, boolean outOfHoursCritical, String calendar, int targets) {
	}

	@GetMapping("/admin/plans")
	String list(Model model) {
		var calendars = this.calendars.list();
		model.addAttribute("plans", this.directory.plans().stream().map((plan) -> {
			var sla = this.policies.plan(plan.id()).orElse(null);
			String calendar = (sla != null) ? calendars.stream()
				.filter((c) -> c.id() == sla.calendarId())
				.map((c) -> c.name())
				.findFirst()
				.orElse("") : null;
			return new PlanRow(plan.id(), plan.name(), plan.outOfHoursCritical(), calendar,
					(sla != null) ? sla.targets().size() : 0);
		}).toList());
		return "admin/plans";
	}

	@GetMapping("/admin/plans/new")
	String newPlan(Model model) {
		model.addAttribute("plan", new PlanForm());
		return form(model, null);
	}

	@PostMapping("/admin/plans")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("plan") PlanForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		List<SlaTarget> targets = form.targets(errors);
		try {
			if (targets != null) {
				long id = this.policies.createPlan(command(form, targets), user.id());
				redirect.addFlashAttribute("flash", text("admin.plan.created", form.getName()));
				return "redirect:/admin/plans/" + id;
			}
		}
		catch (InvalidInputException ex) {
			reject(ex, errors);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null);
	}

	@GetMapping("/admin/plans/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("plan", PlanForm.of(this.directory.plan(id), this.policies.plan(id).orElse(null)));
		return form(model, id);
	}

	@PostMapping("/admin/plans/{id}")
	String update(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("plan") PlanForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<SlaTarget> targets = form.targets(errors);
		try {
			if (targets != null) {
				this.policies.updatePlan(id, form.getVersion(), command(form, targets), user.id());
				redirect.addFlashAttribute("flash", text("admin.plan.saved", form.getName()));
				return "redirect:/admin/plans/" + id;
			}
		}
		catch (InvalidInputException ex) {
			reject(ex, errors);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, id);
	}

	/**
	 * The service names fields as the API does; the form has its own names.
	 */
	private static void reject(InvalidInputException ex, BindingResult errors) {
		for (InvalidInputException.FieldError error : ex.errors()) {
			switch (error.field()) {
				case "calendar" -> errors.rejectValue("calendarId", error.messageKey());
				case "atRiskShare" -> errors.rejectValue("atRiskPercent", error.messageKey());
				case "targets" -> errors.reject(error.messageKey());
				default -> errors.rejectValue(error.field(), error.messageKey());
			}
		}
	}

	private static PlanCommand command(PlanForm form, List<SlaTarget> targets) {
		return new PlanCommand(form.getName(), form.getDescription(), form.isOutOfHoursCritical(), form.getCalendarId(),
				form.atRiskShare(), targets);
	}

	private String form(Model model, Long id) {
		model.addAttribute("planId", id);
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("metrics", SlaMetric.values());
		model.addAttribute("clocks", SlaClock.values());
		model.addAttribute("history", (id != null) ? this.directory.history("PLAN", id) : List.of());
		return "admin/plan-form";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
