package com.helpdesk.notification.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.helpdesk.notification.Inbox;
import com.helpdesk.notification.InboxGroup;
import com.helpdesk.notification.InboxItem;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.ticket.TicketBrief;
import com.helpdesk.ticket.TicketQueries;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's notifications in the app: the list, one entry per ticket named by its number
 * and subject, and the unread count the header loads (with htmx) after the page, so pages
 * cost no extra query.
 */
@Controller
class InboxController {

	private final Inbox inbox;

	private final TicketQueries tickets;

	InboxController(Inbox inbox, TicketQueries tickets) {
		this.inbox = inbox;
		this.tickets = tickets;
	}

	/**
	 * One entry of the list: its notices, and the ticket they are about ({@code null} for
	 * a notice about no ticket, or a ticket gone).
	 */
	record Entry(InboxGroup group, TicketBrief ticket) {
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) Long before, Model model) {
		List<InboxGroup> groups = this.inbox.groups(user.id(), before);
		boolean more = groups.size() > Inbox.pageSize();
		List<InboxGroup> shown = more ? groups.subList(0, Inbox.pageSize()) : groups;
		// a ticket is named only to someone who may see it (notices outlive a change of
		// role)
		Map<Long, TicketBrief> briefs = this.tickets
			.briefs(user.person(),
					shown.stream().map(InboxGroup::ticketId).filter(java.util.Objects::nonNull).distinct().toList())
			.stream()
			.collect(Collectors.toMap(TicketBrief::id, Function.identity()));
		// and a notice of a ticket they may not see is not shown at all: its text names
		// it
		model.addAttribute("entries",
				shown.stream()
					.filter((g) -> g.ticketId() == null || briefs.containsKey(g.ticketId()))
					.map((g) -> new Entry(g, (g.ticketId() != null) ? briefs.get(g.ticketId()) : null))
					.toList());
		model.addAttribute("next", more ? shown.get(shown.size() - 1).latestId() : null);
		model.addAttribute("paged", before != null);
		return "notifications/list";
	}

	@GetMapping(path = "/notifications/unread", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unread(@AuthenticationPrincipal HelpdeskUser user) {
		long unread = this.inbox.unread(user.id());
		String badge = (unread == 0) ? ""
				: "<span class=\"app-badge\">" + unread + "<span class=\"govuk-visually-hidden\"> unread</span></span>";
		return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(badge);
	}

	/**
	 * Follows a notice to what it is about, marking it (and the other notices of its
	 * ticket) read: a link, so that it can open in a new tab.
	 */
	@GetMapping("/notifications/{id}/open")
	String follow(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		InboxItem item = this.inbox.item(user.id(), id);
		if (item == null) {
			throw new NotFoundException("notification", id);
		}
		if (item.ticketId() != null) {
			this.inbox.readTicket(user.id(), item.ticketId());
			return "redirect:" + (user.person().isRequester() ? "/requests/" : "/tickets/") + item.ticketId();
		}
		this.inbox.read(user.id(), id);
		return (item.kind() != null && item.kind().startsWith("ROTA")) ? "redirect:/rotas/mine"
				: "redirect:/notifications";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id) {
		return follow(user, id);
	}

	@PostMapping("/notifications/read")
	String readAll(@AuthenticationPrincipal HelpdeskUser user) {
		this.inbox.readAll(user.id());
		return "redirect:/notifications";
	}

}
