package com.helpdesk.ticket.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.directory.Choices;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaService;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketPagePanel;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TicketWorkspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Builds the agent's ticket page: the one form with the ticket's properties and the
 * composer, the conversation, the service level, and the panels other modules add.
 */
@Component
class TicketWorkspacePage implements TicketWorkspace {

	static final String FORM = "work";

	private static final int MOST_ESCALATION_BUTTONS = 3;

	private final TicketQueries queries;

	private final Directory directory;

	private final SlaService sla;

	private final SlaExplanation explanation;

	private final ObjectProvider<TicketPagePanel> panels;

	TicketWorkspacePage(TicketQueries queries, Directory directory, SlaService sla, SlaExplanation explanation,
			ObjectProvider<TicketPagePanel> panels) {
		this.queries = queries;
		this.directory = directory;
		this.sla = sla;
		this.explanation = explanation;
		this.panels = panels;
	}

	@Override
	public String page(Person viewer, long ticketId, Model model, TicketPagePanel.Shown failed) {
		return page(viewer, this.queries.ticket(viewer, ticketId), model, null, failed);
	}

	/**
	 * The page for this ticket as read; {@code form} is what the agent typed when it came
	 * back with a problem ({@code null} for a fresh form).
	 */
	String page(Person viewer, TicketView ticket, Model model, TicketUpdateForm form, TicketPagePanel.Shown failed) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("clocks", this.explanation.explain(this.sla.clocks(ticket.id()), viewer.zone()));
		model.addAttribute("conversation", Conversation.of(ticket.timeline()));
		TicketUpdateForm work = (form != null) ? form : TicketUpdateForm.of(ticket);
		model.addAttribute(FORM, work);
		if (form == null || failed != null) {
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, new BeanPropertyBindingResult(work, FORM));
		}
		Choices choices = this.directory.choices();
		model.addAttribute("groups", choices.groups());
		List<Choices.Choice> others = choices.groups()
			.stream()
			.filter((g) -> ticket.groupId() == null || g.id() != ticket.groupId())
			.toList();
		model.addAttribute("escalateTo", others);
		// a few groups are actions in view ("Escalate to Platform experts"); many are
		// folded away so that they do not push the rest of the page down
		model.addAttribute("escalationsFolded", others.size() > MOST_ESCALATION_BUTTONS);
		model.addAttribute("staff", choices.staff());
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("types", RequestType.values());
		model.addAttribute("replyStatuses", List.of(TicketStatus.PENDING, TicketStatus.OPEN, TicketStatus.SOLVED));
		model.addAttribute("latest", latestMessage(ticket));

		List<TicketPagePanel.Shown> shown = new ArrayList<>();
		for (TicketPagePanel panel : this.panels.orderedStream().toList()) {
			for (TicketPagePanel.Shown one : panel.show(viewer, ticket)) {
				shown.add((failed != null && failed.name().equals(one.name())) ? failed : one);
			}
		}
		shown.sort(Comparator.comparingInt(TicketPagePanel.Shown::order));
		model.addAttribute("topPanels", shown.stream().filter((p) -> p.place() == TicketPagePanel.Place.TOP).toList());
		model.addAttribute("sidePanels",
				shown.stream().filter((p) -> p.place() == TicketPagePanel.Place.SIDE).toList());
		Map<String, String> panelErrors = new LinkedHashMap<>();
		if (failed != null) {
			panelErrors.putAll(failed.errors());
			model.addAttribute("formErrors", true);
		}
		model.addAttribute("panelErrors", panelErrors);
		return "tickets/show";
	}

	/**
	 * The last thing the requester (or the request itself) said, shown above the composer
	 * so the agent can answer it without scrolling.
	 */
	private static Latest latestMessage(TicketView ticket) {
		for (int i = ticket.timeline().size() - 1; i >= 0; i--) {
			var entry = ticket.timeline().get(i);
			if (entry.isComment() && !entry.actorIsStaff() && !entry.isInternal()) {
				return new Latest(entry.actorName(), entry.at(), entry.body(), entry.id());
			}
		}
		return new Latest(ticket.requesterName(), ticket.createdAt(), ticket.description(), null);
	}

	/**
	 * The message the composer answers.
	 *
	 * @param entryId its timeline entry, {@code null} for the request itself
	 */
	record Latest(String author, java.time.Instant at, String body, Long entryId) {
	}

}
