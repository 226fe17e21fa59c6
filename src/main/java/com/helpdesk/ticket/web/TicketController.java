package com.helpdesk.ticket.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Choices;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.sla.SlaService;
import com.helpdesk.sla.SlaSummary;
import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.QueueCounts;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.StaleTicketException;
import com.helpdesk.ticket.TicketPage;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TransitionNotAllowedException;
import com.helpdesk.ticket.TicketUpdate;
import com.helpdesk.ticket.TriageChange;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent workspace: queues with filters and search, the ticket page with its timeline,
 * reply, internal note and triage, and raising a ticket on someone's behalf.
 */
@Controller
class TicketController {

	private final TicketService tickets;

	private final TicketQueries queries;

	private final Directory directory;

	private final MessageSource messages;

	private final SlaService sla;

	private final TicketWorkspacePage workspace;

	private final Clock clock;

	private final QueueLines lines;

	private final QueueSidebar sidebar;

	private final TransactionOperations readOnly;

	TicketController(TicketService tickets, TicketQueries queries, Directory directory, MessageSource messages,
			SlaService sla, TicketWorkspacePage workspace, Clock clock, QueueLines lines, QueueSidebar sidebar,
			PlatformTransactionManager transactions) {
		this.tickets = tickets;
		this.queries = queries;
		this.directory = directory;
		this.messages = messages;
		this.sla = sla;
		this.workspace = workspace;
		this.clock = clock;
		this.lines = lines;
		this.sidebar = sidebar;
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.readOnly = readOnly;
	}

	/**
	 * The filters of the queue page as they came in the query string; {@code only} keeps
	 * a search to the view.
	 */
	public record QueueParams(String view, Long group, TicketStatus status, Priority priority, RequestType type,
			Long client, Long assignee, String q, String cursor, String filters, Boolean only) {

		/**
		 * The view asked for; when none is, My groups for a group member and New for
		 * anyone else; New for an unknown one.
		 */
		QueueView queueView(boolean inAGroup) {
			if (this.view == null) {
				return inAGroup ? QueueView.MY_GROUPS : QueueView.NEW;
			}
			QueueView view = QueueView.fromSlug(this.view);
			return (view == null || (view == QueueView.GROUP && this.group == null)) ? QueueView.NEW : view;
		}

		QueueView queueView() {
			return queueView(false);
		}

		boolean filtered() {
			return narrowed() || searching();
		}

		boolean searching() {
			return this.q != null && !this.q.isBlank();
		}

		boolean withinView() {
			return Boolean.TRUE.equals(this.only);
		}

		/**
		 * Whether any filter beyond the search words is set.
		 */
		boolean narrowed() {
			return this.status != null || this.priority != null || this.type != null || this.client != null
					|| this.assignee != null || (this.group != null && !"group".equals(this.view));
		}

	}

	@GetMapping("/tickets")
	String queue(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("filters") QueueParams params, Model model,
			HttpServletResponse response) {
		// the counts (kept a while per person), the page, its SLA tags and the select
		// lists in one read-only transaction: one connection and one commit
		QueueData data;
		try {
			data = this.readOnly.execute((status) -> read(user, params, true));
		}
		catch (InvalidInputException ex) {
			if (ex.errors().stream().noneMatch((e) -> "q".equals(e.field()))) {
				throw ex;
			}
			// a search it cannot run: the page without results, the message by the field
			data = this.readOnly.execute((status) -> read(user, params, false)).refusing(ex);
		}
		QueueFilter filter = data.filter();
		QueueView view = filter.view();
		Long groupId = filter.viewGroupId();
		TicketPage page = data.page();
		boolean byCreation = filter.effectiveView() == QueueView.NEW;
		model.addAttribute("page", page);
		model.addAttribute("lines", this.lines.of(page.rows(), data.slas(), byCreation, this.clock.instant()));
		model.addAttribute("byCreation", byCreation);
		model.addAttribute("view", view);
		model.addAttribute("viewGroup", groupId);
		Choices choices = data.choices();
		model.addAttribute("groups", choices.groups());
		String viewGroupName = choices.groups()
			.stream()
			.filter((g) -> g.id() == ((groupId != null) ? groupId : -1))
			.map(Choices.Choice::name)
			.findFirst()
			.orElse("");
		model.addAttribute("viewGroupName", viewGroupName);
		model.addAttribute("viewTitle", (view == QueueView.GROUP) ? text("queue.title.group", viewGroupName)
				: text("queue.title." + view.slug()));
		QueueSidebar.Sidebar sidebar = this.sidebar.of(view, data.counts(), choices.groups());
		model.addAttribute("views", sidebar.views());
		model.addAttribute("viewCounts", sidebar.viewCounts());
		model.addAttribute("groupCounts", sidebar.groupCounts());
		model.addAttribute("intro", sidebar.intro());
		boolean showFilters = params.narrowed() || "all".equals(params.filters());
		if (showFilters) {
			filterChoices(choices, model);
		}
		model.addAttribute("showFilters", showFilters);
		model.addAttribute("filtered", params.filtered());
		model.addAttribute("narrowed", params.narrowed());
		model.addAttribute("searching", params.searching());
		model.addAttribute("withinView", params.withinView());
		if (data.refused() != null) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			data.refused()
				.errors()
				.forEach((e) -> errors.put("q", this.messages.getMessage(e.messageKey(), null, Locale.UK)));
			model.addAttribute("searchErrors", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		else {
			model.addAttribute("searchErrors", Map.of());
		}
		return "tickets/queue";
	}

	/**
	 * The queue's filter fields, fetched when someone first opens them.
	 */
	@GetMapping("/tickets/filters")
	String queueFilters(@ModelAttribute("filters") QueueParams params, Model model) {
		model.addAttribute("view", params.queueView());
		filterChoices(this.directory.choices(), model);
		model.addAttribute("showFilters", true);
		return "tickets/queue :: filterFields";
	}

	private static void filterChoices(Choices choices, Model model) {
		model.addAttribute("groups", choices.groups());
		model.addAttribute("clients", choices.clients());
		model.addAttribute("staff", choices.staff());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("types", RequestType.values());
	}

	private QueueData read(HelpdeskUser user, QueueParams params, boolean withPage) {
		QueueCounts counts = this.queries.counts(user.person());
		QueueView view = params.queueView(counts.inAGroup());
		Long groupId = (view == QueueView.GROUP) ? params.group() : null;
		QueueFilter filter = new QueueFilter(view, groupId, params.status(), params.priority(), params.type(),
				params.client(), (view == QueueView.GROUP) ? null : params.group(), params.assignee(), params.q(),
				QueueFilter.DEFAULT_PAGE_SIZE, params.withinView());
		TicketPage page = withPage ? this.queries.page(user.person(), filter, params.cursor())
				: new TicketPage(List.of(), null);
		return new QueueData(filter, counts, page, this.sla.summaries(page.rows().stream().map(TicketRow::id).toList()),
				this.directory.choices(), null);
	}

	/**
	 * What the queue page reads from the database, and a search it refused.
	 */
	private record QueueData(QueueFilter filter, QueueCounts counts, TicketPage page, Map<Long, SlaSummary> slas,
			Choices choices, InvalidInputException refused) {

		QueueData refusing(InvalidInputException ex) {
			return new QueueData(this.filter, this.counts, this.page, this.slas, this.choices, ex);
		}

	}

	@GetMapping("/tickets/new")
	String newTicket(@RequestParam(required = false) String type,
			@RequestParam(name = "chosen", required = false) String submitted, Model model,
			HttpServletResponse response) {
		RequestType chosen = RequestForm.parseType(type);
		if (chosen == null) {
			model.addAttribute("staffMode", true);
			if (type != null || submitted != null) {
				model.addAttribute("chooseError", true);
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			return "requests/choose";
		}
		RequestForm form = new RequestForm();
		form.setType(chosen);
		model.addAttribute("request", form);
		model.addAttribute("staffMode", true);
		model.addAttribute("clients", this.directory.choices().clients());
		return "requests/new";
	}

	@PostMapping("/tickets")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("request") RequestForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (form.getType() == null) {
			return "redirect:/tickets/new";
		}
		Long id = form.raise(this.tickets, user.person(), errors);
		if (id != null) {
			redirect.addFlashAttribute("flash", text("ticket.raised", id));
			return "redirect:/tickets/" + id;
		}
		model.addAttribute("staffMode", true);
		model.addAttribute("clients", this.directory.choices().clients());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "requests/new";
	}

	@GetMapping("/tickets/{id}")
	String show(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, Model model) {
		return this.workspace.page(user.person(), this.queries.ticket(user.person(), id), model, null, null);
	}

	/**
	 * Everything the agent changed on the ticket page, saved as one: the message, the
	 * status of the button pressed and every property changed, or none of it.
	 */
	@PostMapping("/tickets/{id}")
	String update(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute(TicketWorkspacePage.FORM) TicketUpdateForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (errors.hasErrors()) {
			// a value that is not one of the choices (a form sent by hand) changes
			// nothing
			FormErrors.askForFilesAgain(form.getAttachments(), errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.workspace.page(user.person(), this.queries.ticket(user.person(), id), model, form, null);
		}
		TicketUpdate.Outcome outcome;
		try {
			outcome = this.tickets.update(user.person(), id, (form.getVersion() != null) ? form.getVersion() : -1,
					form.toUpdate(leavesToNewGroup(form)));
		}
		catch (StaleTicketException ex) {
			return conflict(user, id, ex, form, model, response);
		}
		catch (TransitionNotAllowedException ex) {
			errors.rejectValue("status", ex.messageKey(), ex.arguments(), null);
			FormErrors.askForFilesAgain(form.getAttachments(), errors);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return this.workspace.page(user.person(), this.queries.ticket(user.person(), id), model, form, null);
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, errors);
			FormErrors.askForFilesAgain(form.getAttachments(), errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return this.workspace.page(user.person(), this.queries.ticket(user.person(), id), model, form, null);
		}
		redirect.addFlashAttribute("flash", saved(outcome));
		return "redirect:/tickets/" + id;
	}

	/**
	 * Escalating to a group the assignee is not in leaves the ticket to that group.
	 */
	private boolean leavesToNewGroup(TicketUpdateForm form) {
		if (form.getEscalateTo() == null || form.getWasAssignee() == null) {
			return false;
		}
		try {
			return !this.directory.group(form.getEscalateTo()).memberIds().contains(form.getWasAssignee());
		}
		catch (com.helpdesk.shared.NotFoundException ex) {
			// the service refuses the unknown group next to the field
			return false;
		}
	}

	private String saved(TicketUpdate.Outcome outcome) {
		if (outcome.nothingChanged()) {
			return text("ticket.update.nothing");
		}
		String status = this.messages.getMessage("status." + outcome.status(), null, Locale.UK);
		if (outcome.message() && !outcome.internal()) {
			return outcome.propertiesChanged() ? text("ticket.update.replySaved", status)
					: text("ticket.replied", status);
		}
		if (outcome.message()) {
			return outcome.statusChanged() || outcome.propertiesChanged() ? text("ticket.update.noteSaved", status)
					: text("ticket.noted");
		}
		return outcome.statusChanged() ? text("ticket.update.saved", status) : text("ticket.triaged");
	}

	@PostMapping("/tickets/{id}/take")
	String take(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, @RequestParam long version,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.tickets.triage(user.person(), id, version, TriageChange.take(user.id()));
		}
		catch (StaleTicketException ex) {
			return conflict(user, id, ex, null, model, response);
		}
		redirect.addFlashAttribute("flash", text("ticket.taken"));
		return "redirect:/tickets/" + id;
	}

	/**
	 * Someone else changed the ticket first: show what they did, and what this person
	 * changed and typed over the ticket as it is now, so that nothing is lost.
	 */
	private String conflict(HelpdeskUser user, long id, StaleTicketException ex, TicketUpdateForm typed, Model model,
			HttpServletResponse response) {
		TicketView current = this.queries.ticket(user.person(), id);
		model.addAttribute("ticket", current);
		model.addAttribute("changes", Conversation.of(this.queries.changesSince(user.person(), id, ex.readVersion())));
		if (typed != null) {
			model.addAttribute(TicketWorkspacePage.FORM, typed.over(current));
			model.addAttribute("filesNotKept", typed.chosenFileNames());
			Choices choices = this.directory.choices();
			model.addAttribute("groups", choices.groups());
			model.addAttribute("escalateTo", List.of());
			model.addAttribute("staff", choices.staff());
			model.addAttribute("statuses", TicketStatus.values());
			model.addAttribute("priorities", Priority.values());
			model.addAttribute("types", RequestType.values());
		}
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "tickets/conflict";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
