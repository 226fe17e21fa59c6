package com.helpdesk.notification.web;

import java.util.List;

import com.helpdesk.notification.Inbox;
import com.helpdesk.notification.InboxItem;
import com.helpdesk.security.HelpdeskUser;

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
 * A person's notifications in the app: the list, and the unread count the header loads
 * (with htmx) after the page, so pages cost no extra query.
 */
@Controller
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(required = false) Long before, Model model) {
		List<InboxItem> items = this.inbox.items(user.id(), before);
		boolean more = items.size() > Inbox.pageSize();
		model.addAttribute("items", more ? items.subList(0, Inbox.pageSize()) : items);
		model.addAttribute("next", more ? items.get(Inbox.pageSize() - 1).id() : null);
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

	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(required = false) Long ticket, @RequestParam(required = false) Boolean rota) {
		this.inbox.read(user.id(), id);
		if (ticket != null) {
			return "redirect:/tickets/" + ticket;
		}
		return Boolean.TRUE.equals(rota) ? "redirect:/rotas/mine" : "redirect:/notifications";
	}

	@PostMapping("/notifications/read")
	String readAll(@AuthenticationPrincipal HelpdeskUser user) {
		this.inbox.readAll(user.id());
		return "redirect:/notifications";
	}

}
