package com.helpdesk.delivery.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.helpdesk.delivery.DeliveryPlans;
import com.helpdesk.delivery.DeliveryRequest;
import com.helpdesk.delivery.DeliveryRequests;
import com.helpdesk.delivery.DeliveryState;
import com.helpdesk.delivery.DeliveryTeam;
import com.helpdesk.delivery.DeliveryTeams;
import com.helpdesk.delivery.FeatureBacklog;
import com.helpdesk.delivery.PeriodNames;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TicketWorkspace;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delivery manager's pages: the intake, a request's scoping and decision, the plan
 * board, and the panel on a ticket that sends it to delivery.
 */
@Controller
class DeliveryController {

	private final DeliveryRequests requests;

	private final DeliveryPlans plans;

	private final DeliveryTeams teams;

	private final TicketQueries tickets;

	private final Directory directory;

	private final PeriodNames names;

	private final MessageSource messages;

	private final FeatureBacklog backlog;

	private final DeliveryTicketPanel panel;

	private final TicketWorkspace workspace;

	DeliveryController(DeliveryRequests requests, DeliveryPlans plans, DeliveryTeams teams, TicketQueries tickets,
			Directory directory, PeriodNames names, MessageSource messages, FeatureBacklog backlog,
			DeliveryTicketPanel panel, TicketWorkspace workspace) {
		this.backlog = backlog;
		this.panel = panel;
		this.workspace = workspace;
		this.requests = requests;
		this.plans = plans;
		this.teams = teams;
		this.tickets = tickets;
		this.directory = directory;
		this.names = names;
		this.messages = messages;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/delivery")
	String intake(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		model.addAttribute("mine", this.plans.intake(user.id()));
		model.addAttribute("everyone", this.plans.intake(null));
		model.addAttribute("teams", this.teams.list());
		model.addAttribute("myId", user.id());
		return "delivery/intake";
	}

	@GetMapping("/delivery/requests/{id}")
	String request(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, Model model) {
		DeliveryRequest request = this.requests.get(id);
		model.addAttribute("scope", ScopeForm.of(request, user.person().zone()));
		model.addAttribute("decision", DecisionForm.at(request.version()));
		return requestPage(user, request, model);
	}

	@PostMapping("/delivery/requests/{id}/scope")
	String scope(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("scope") ScopeForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		var command = form.command(errors, text("delivery.meeting.name"));
		try {
			if (command == null) {
				return scopeRefused(user, id, model, response);
			}
			this.requests.scope(user.person(), id, form.getVersion(), command);
		}
		catch (ConflictException ex) {
			DeliveryRequest request = this.requests.get(id);
			form.setVersion(request.version());
			model.addAttribute("decision", DecisionForm.at(request.version()));
			return conflicted(user, request, ex, model, response);
		}
		catch (InvalidInputException ex) {
			reject(ex, errors);
			return scopeRefused(user, id, model, response);
		}
		redirect.addFlashAttribute("flash", text("delivery.scoped"));
		return "redirect:/delivery/requests/" + id;
	}

	private String scopeRefused(HelpdeskUser user, long id, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		DeliveryRequest request = this.requests.get(id);
		model.addAttribute("decision", DecisionForm.at(request.version()));
		return requestPage(user, request, model);
	}

	@PostMapping("/delivery/requests/{id}/schedule")
	String schedule(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, BindingResult errors,
			@RequestParam(required = false) String back, @RequestParam(required = false) String from, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.requests.schedule(user.person(), id, form.getVersion(), date(form.getPeriod()),
					form.getOvercommitReason());
		}
		catch (ConflictException ex) {
			return conflicted(user, id, form, ex, model, response);
		}
		catch (InvalidInputException ex) {
			return refused(user, id, ex, errors, model, response);
		}
		DeliveryRequest request = this.requests.get(id);
		DeliveryTeam team = this.teams.get(request.teamId());
		redirect.addFlashAttribute("flash",
				text("delivery.scheduled", this.names.planned(team, request.periodStart())));
		return "board".equals(back) ? boardRedirect(team, date(from)) : "redirect:/delivery/requests/" + id;
	}

	@PostMapping("/delivery/requests/{id}/decline")
	String decline(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.requests.decline(user.person(), id, form.getVersion(), form.getDeclineReason());
		}
		catch (ConflictException ex) {
			return conflicted(user, id, form, ex, model, response);
		}
		catch (InvalidInputException ex) {
			return refused(user, id, ex, errors, model, response);
		}
		redirect.addFlashAttribute("flash", text("delivery.declined"));
		return "redirect:/delivery/requests/" + id;
	}

	@PostMapping("/delivery/requests/{id}/backlog")
	String backlog(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		long feature;
		try {
			feature = this.requests.toBacklog(user.person(), id, form.getVersion(), form.getFeatureId(),
					form.getFeatureTitle());
		}
		catch (ConflictException ex) {
			return conflicted(user, id, form, ex, model, response);
		}
		catch (InvalidInputException ex) {
			return refused(user, id, ex, errors, model, response);
		}
		redirect.addFlashAttribute("flash", text("delivery.backlog.moved"));
		return "redirect:/delivery/backlog/" + feature;
	}

	@PostMapping("/delivery/requests/{id}/deliver")
	String deliver(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, BindingResult errors,
			@RequestParam(required = false) String back, @RequestParam(required = false) String from, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.requests.deliver(user.person(), id, form.getVersion(), form.getNote());
		}
		catch (ConflictException ex) {
			return conflicted(user, id, form, ex, model, response);
		}
		catch (InvalidInputException ex) {
			return refused(user, id, ex, errors, model, response);
		}
		DeliveryRequest request = this.requests.get(id);
		redirect.addFlashAttribute("flash", text("delivery.delivered"));
		return "board".equals(back) ? boardRedirect(this.teams.get(request.teamId()), date(from))
				: "redirect:/delivery/requests/" + id;
	}

	@PostMapping("/delivery/requests/{id}/unschedule")
	String unschedule(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("decision") DecisionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.requests.unschedule(user.person(), id, form.getVersion());
		}
		catch (ConflictException ex) {
			return conflicted(user, id, form, ex, model, response);
		}
		redirect.addFlashAttribute("flash", text("delivery.unscheduled"));
		return "redirect:/delivery/requests/" + id;
	}

	@PostMapping("/delivery/requests/{id}/reorder")
	String reorder(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam String direction, @RequestParam(required = false) String from) {
		this.requests.reorder(user.person(), id, version, "earlier".equals(direction));
		DeliveryRequest request = this.requests.get(id);
		return boardRedirect(this.teams.get(request.teamId()), (from != null) ? date(from) : null);
	}

	@GetMapping("/delivery/plan")
	String defaultBoard() {
		List<DeliveryTeam> all = this.teams.list();
		DeliveryTeam team = all.stream().filter(DeliveryTeam::defaultTeam).findFirst().orElse(null);
		if (team == null && all.isEmpty()) {
			return "redirect:/delivery";
		}
		return "redirect:/delivery/teams/" + ((team != null) ? team : all.get(0)).id() + "/plan";
	}

	@GetMapping("/delivery/teams/{teamId}/plan")
	String board(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long teamId,
			@RequestParam(required = false) String from, Model model) {
		var board = this.plans.board(teamId, date(from));
		model.addAttribute("board", board);
		model.addAttribute("teams", this.teams.list());
		model.addAttribute("canPlan", DeliveryRequests.plans(user.person()));
		model.addAttribute("from", (from != null) ? board.columns().get(0).period().start() : null);
		model.addAttribute("people", this.directory.peopleById(board.team().memberIds()));
		model.addAttribute("moveTo", board.columns());
		return "delivery/plan";
	}

	/**
	 * The in-depth work panel as a page of its own (the ticket page shows it beside the
	 * ticket).
	 */
	@GetMapping("/delivery/panel")
	String panel(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket, Model model) {
		// reading the ticket as this person checks they may see it
		model.addAttribute("m", this.panel.model(this.tickets.ticket(user.person(), ticket), null, null));
		return "delivery/panel";
	}

	@PostMapping("/delivery/send")
	String send(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.requests.send(user.person(), ticket, reason);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			TicketView view = this.tickets.ticket(user.person(), ticket);
			return this.workspace.page(user.person(), ticket, model,
					this.panel.failed(view, reason, text(ex.errors().get(0).messageKey())));
		}
		redirect.addFlashAttribute("flash", text("delivery.sent"));
		return "redirect:/tickets/" + ticket;
	}

	/**
	 * The request changed since the form was read, or was already decided on: the page
	 * again with what the person typed and the request as it is now (409).
	 */
	private String conflicted(HelpdeskUser user, long id, DecisionForm form, ConflictException ex, Model model,
			HttpServletResponse response) {
		DeliveryRequest request = this.requests.get(id);
		form.setVersion(request.version());
		model.addAttribute("scope", ScopeForm.of(request, user.person().zone()));
		return conflicted(user, request, ex, model, response);
	}

	private String conflicted(HelpdeskUser user, DeliveryRequest request, ConflictException ex, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		model.addAttribute("conflict", text(ex.messageKey(), ex.arguments()));
		return requestPage(user, request, model);
	}

	private String refused(HelpdeskUser user, long id, InvalidInputException ex, BindingResult errors, Model model,
			HttpServletResponse response) {
		reject(ex, errors);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		DeliveryRequest request = this.requests.get(id);
		model.addAttribute("scope", ScopeForm.of(request, user.person().zone()));
		return requestPage(user, request, model);
	}

	private String requestPage(HelpdeskUser user, DeliveryRequest request, Model model) {
		DeliveryTeam team = this.teams.get(request.teamId());
		model.addAttribute("request", request);
		model.addAttribute("team", team);
		model.addAttribute("ticket", this.tickets.ticket(user.person(), request.ticketId()));
		model.addAttribute("managerName",
				this.directory.findPerson(request.deliveryManagerId()).map(Person::name).orElse(null));
		model.addAttribute("sentBy", (request.sentById() != null)
				? this.directory.findPerson(request.sentById()).map(Person::name).orElse(null) : null);
		model.addAttribute("canPlan", DeliveryRequests.plans(user.person()));
		model.addAttribute("options", request.state().isOpen() ? this.plans.options(request) : List.of());
		model.addAttribute("periodName",
				(request.state() == DeliveryState.SCHEDULED) ? this.names.planned(team, request.periodStart()) : null);
		model.addAttribute("scheduled", request.state() == DeliveryState.SCHEDULED);
		model.addAttribute("features", request.state().isOpen() ? this.backlog.items() : List.of());
		model.addAttribute("feature",
				(request.featureRequestId() != null) ? this.backlog.item(request.featureRequestId()) : null);
		return "delivery/request";
	}

	private static void reject(InvalidInputException ex, BindingResult errors) {
		for (InvalidInputException.FieldError error : ex.errors()) {
			errors.rejectValue(error.field(), error.messageKey());
		}
	}

	private static String boardRedirect(DeliveryTeam team, LocalDate from) {
		return "redirect:/delivery/teams/" + team.id() + "/plan" + ((from != null) ? "?from=" + from : "");
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
