package com.helpdesk.rota.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaPosition;
import com.helpdesk.rota.RotaSettings;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of rotas: set one up from a template, and change who is on a position,
 * in what order, from a date.
 */
@Controller
class RotaAdminController {

	private final Rotas rotas;

	private final Directory directory;

	private final Calendars calendars;

	private final MessageSource messages;

	private final Clock clock;

	RotaAdminController(Rotas rotas, Directory directory, Calendars calendars, MessageSource messages, Clock clock) {
		this.rotas = rotas;
		this.directory = directory;
		this.calendars = calendars;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/rotas")
	String list(Model model) {
		model.addAttribute("rotas", this.rotas.list());
		return "admin/rotas";
	}

	@GetMapping("/admin/rotas/new")
	String newRota(@RequestParam(required = false) String template, Model model) {
		RotaTemplate chosen = null;
		try {
			chosen = (template != null) ? RotaTemplate.valueOf(template) : null;
		}
		catch (IllegalArgumentException ex) {
			// ask again
		}
		if (chosen == null) {
			model.addAttribute("templates", RotaTemplate.values());
			return "admin/rota-templates";
		}
		Long calendarId = this.calendars.list().stream().findFirst().map((c) -> c.id()).orElse(null);
		model.addAttribute("rota", RotaForm.from(chosen, LocalDate.now(this.clock), calendarId));
		return form(model);
	}

	@PostMapping("/admin/rotas")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("rota") RotaForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		RotaCommand command = form.toCommand(errors);
		try {
			if (command != null) {
				long id = this.rotas.create(command, user.id());
				redirect.addFlashAttribute("flash", text("admin.rota.created", command.name().trim()));
				return "redirect:/admin/rotas/" + id;
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model);
	}

	@GetMapping("/admin/rotas/{id}")
	String show(@PathVariable long id, Model model) {
		Rota rota = this.rotas.get(id);
		Map<Long, RosterForm> forms = new HashMap<>();
		for (RotaPosition position : rota.positions()) {
			forms.put(position.id(), suggestedRoster(rota, position));
		}
		return detail(rota, forms, null, null, model);
	}

	@PostMapping("/admin/rotas/{id}/positions/{positionId}/roster")
	String changeRoster(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@PathVariable long positionId, @ModelAttribute("roster") RosterForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Rota rota = this.rotas.get(id);
		RotaPosition position = rota.position(positionId)
			.orElseThrow(() -> new NotFoundException("position", positionId));
		LocalDate from = form.from(errors);
		List<Long> order = form.order(errors);
		try {
			if (!errors.hasErrors()) {
				this.rotas.changeRoster(id, positionId, from, order, user.id());
				redirect.addFlashAttribute("flash", text("admin.rota.rosterChanged", position.name(), from));
				return "redirect:/admin/rotas/" + id;
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<Long, RosterForm> forms = new HashMap<>();
		for (RotaPosition other : rota.positions()) {
			forms.put(other.id(), (other.id() == positionId) ? form : suggestedRoster(rota, other));
		}
		return detail(rota, forms, positionId, errors, model);
	}

	@PostMapping("/admin/rotas/{id}/settings")
	String settings(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(required = false) String name, @RequestParam(required = false) Long calendarId,
			@RequestParam(required = false) Long groupId, @RequestParam(defaultValue = "false") boolean optIn,
			@RequestParam(defaultValue = "false") boolean swapApproval, @RequestParam long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.rotas.changeSettings(id, new RotaSettings(name, calendarId, groupId, optIn, swapApproval, version),
					user.id());
			redirect.addFlashAttribute("flash", text("admin.rota.settingsSaved"));
			return "redirect:/admin/rotas/" + id;
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.merge(e.field(), text(e.messageKey()), (a, b) -> a + " " + b));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("settingsErrors", errors);
			model.addAttribute("settings", new RotaSettings(name, calendarId, groupId, optIn, swapApproval, version));
			Rota rota = this.rotas.get(id);
			Map<Long, RosterForm> forms = new HashMap<>();
			for (RotaPosition position : rota.positions()) {
				forms.put(position.id(), suggestedRoster(rota, position));
			}
			return detail(rota, forms, null, null, model);
		}
	}

	@PostMapping("/admin/rotas/{id}/auto-assign")
	String autoAssign(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
		this.rotas.setAutoAssign(id, enabled, user.id());
		redirect.addFlashAttribute("flash", text(enabled ? "admin.rota.autoAssign.on" : "admin.rota.autoAssign.off"));
		return "redirect:/admin/rotas/" + id;
	}

	private RosterForm suggestedRoster(Rota rota, RotaPosition position) {
		LocalDate from = rota.stintDate(position, rota.nextStint(position, this.clock.instant()));
		return RosterForm.of(from, rota.continuingOrder(position, from));
	}

	private String detail(Rota rota, Map<Long, RosterForm> forms, Long failedPositionId, BindingResult errors,
			Model model) {
		model.addAttribute("rota", rota);
		model.addAttribute("rosterForms", forms);
		model.addAttribute("staff", this.directory.staff());
		Map<Long, com.helpdesk.directory.Person> people = this.directory.peopleById(rota.positions()
			.stream()
			.flatMap((p) -> p.rosters().stream())
			.flatMap((r) -> r.memberIds().stream())
			.toList());
		Map<Long, List<RosterLine>> lines = new HashMap<>();
		for (RotaPosition position : rota.positions()) {
			lines.put(position.id(),
					position.rosters()
						.stream()
						.map((r) -> new RosterLine(r.effectiveFrom(),
								String.join(", ",
										r.memberIds()
											.stream()
											.map((id) -> people.containsKey(id) ? people.get(id).name() : "#" + id)
											.toList())))
						.toList());
		}
		model.addAttribute("rosterLines", lines);
		model.addAttribute("autoAssign", this.rotas.autoAssign(rota.id()));
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", new RotaSettings(rota.name(), rota.calendarId(), rota.groupId(),
					rota.optIn(), rota.swapApproval(), rota.version()));
			model.addAttribute("settingsErrors", Map.of());
		}
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("groups", this.directory.groups());
		model.addAttribute("calendarName",
				(rota.calendarId() != null) ? this.calendars.get(rota.calendarId()).name() : null);
		Map<String, String> fieldErrors = new java.util.LinkedHashMap<>();
		if (errors != null) {
			errors.getFieldErrors()
				.forEach((e) -> fieldErrors.merge(e.getField(),
						this.messages.getMessage(e.getCode(), null, e.getCode(), Locale.UK), (a, b) -> a + " " + b));
		}
		model.addAttribute("failedPositionId", failedPositionId);
		model.addAttribute("rosterErrors", fieldErrors);
		return "admin/rota";
	}

	private String form(Model model) {
		model.addAttribute("zones", Directory.timeZones());
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("groups", this.directory.groups());
		model.addAttribute("staff", this.directory.staff());
		return "admin/rota-form";
	}

	record RosterLine(LocalDate from, String names) {
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
