package com.helpdesk.delivery.web;

import java.util.List;
import java.util.Locale;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.directory.Directory;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
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
 * Administrators set up delivery teams: their people, the rotas that take them off
 * planned work, the reserve for unplanned support, and weeks or sprints.
 */
@Controller
class TeamAdminController {

	private final DeliveryTeams teams;

	private final Directory directory;

	private final Calendars calendars;

	private final Rotas rotas;

	private final MessageSource messages;

	TeamAdminController(DeliveryTeams teams, Directory directory, Calendars calendars, Rotas rotas,
			MessageSource messages) {
		this.teams = teams;
		this.directory = directory;
		this.calendars = calendars;
		this.rotas = rotas;
		this.messages = messages;
	}

	@GetMapping("/admin/delivery")
	String list(Model model) {
		List<DeliveryTeam> teams = this.teams.list();
		model.addAttribute("teams", teams);
		model.addAttribute("people",
				this.directory.peopleById(teams.stream().map(DeliveryTeam::deliveryManagerId).distinct().toList()));
		return "admin/delivery-teams";
	}

	@GetMapping("/admin/delivery/new")
	String create(Model model) {
		model.addAttribute("team", new TeamForm());
		return form(null, model);
	}

	@PostMapping("/admin/delivery")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("team") TeamForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.teams.create(form.command(), user.id());
		}
		catch (InvalidInputException ex) {
			return refused(ex, errors, null, model, response);
		}
		redirect.addFlashAttribute("flash", text("admin.delivery.created"));
		return "redirect:/admin/delivery";
	}

	@GetMapping("/admin/delivery/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("team", TeamForm.of(this.teams.get(id)));
		return form(id, model);
	}

	@PostMapping("/admin/delivery/{id}")
	String edit(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("team") TeamForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.teams.change(id, form.getVersion(), form.command(), user.id());
		}
		catch (InvalidInputException ex) {
			return refused(ex, errors, id, model, response);
		}
		redirect.addFlashAttribute("flash", text("admin.delivery.saved"));
		return "redirect:/admin/delivery";
	}

	private String refused(InvalidInputException ex, BindingResult errors, Long id, Model model,
			HttpServletResponse response) {
		for (InvalidInputException.FieldError error : ex.errors()) {
			errors.rejectValue(error.field(), error.messageKey());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(id, model);
	}

	private String form(Long id, Model model) {
		model.addAttribute("teamId", id);
		model.addAttribute("staff", this.directory.staff());
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("groups", this.directory.groups());
		model.addAttribute("rotas", this.rotas.list());
		return "admin/delivery-team-form";
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

}
