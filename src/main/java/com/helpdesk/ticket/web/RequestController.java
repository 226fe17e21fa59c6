package com.helpdesk.ticket.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.RequestReceipt;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketFacts;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
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
 * The requester's pages: their client's requests, raising a new one by type, following
 * and answering one.
 */
@Controller
class RequestController {

	private final TicketService tickets;

	private final TicketQueries queries;

	private final MessageSource messages;

	private final List<TicketFacts> facts;

	private final ObjectProvider<RequestReceipt> receipts;

	RequestController(TicketService tickets, TicketQueries queries, MessageSource messages, List<TicketFacts> facts,
			ObjectProvider<RequestReceipt> receipts) {
		this.receipts = receipts;
		this.tickets = tickets;
		this.queries = queries;
		this.messages = messages;
		this.facts = facts;
	}

	@GetMapping("/requests")
	String list(@AuthenticationPrincipal HelpdeskUser user, @RequestParam(defaultValue = "open") String show,
			@RequestParam(required = false) String cursor, Model model) {
		boolean solved = "solved".equals(show);
		QueueFilter filter = QueueFilter.of(solved ? QueueView.SOLVED : QueueView.UNSOLVED);
		model.addAttribute("page", this.queries.page(user.person(), filter, cursor));
		model.addAttribute("show", solved ? "solved" : "open");
		model.addAttribute("cursor", cursor);
		return "requests/list";
	}

	@GetMapping("/requests/new")
	String choose(@RequestParam(required = false) String type,
			@RequestParam(name = "chosen", required = false) String submitted, Model model,
			HttpServletResponse response) {
		if (type == null && submitted == null) {
			return "requests/choose";
		}
		RequestType chosen = RequestForm.parseType(type);
		if (chosen == null) {
			model.addAttribute("chooseError", true);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "requests/choose";
		}
		RequestForm form = new RequestForm();
		form.setType(chosen);
		model.addAttribute("request", form);
		return "requests/new";
	}

	@PostMapping("/requests")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("request") RequestForm form,
			BindingResult errors, RedirectAttributes redirect, HttpServletResponse response) {
		if (form.getType() == null) {
			return "redirect:/requests/new";
		}
		Long id = form.raise(this.tickets, user.person(), errors);
		if (id != null) {
			String receipt = receipt(id, user.person().zone());
			redirect.addFlashAttribute("flash", text("request.created", id) + ((receipt != null) ? " " + receipt : ""));
			return "redirect:/requests/" + id;
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "requests/new";
	}

	@GetMapping("/requests/{id}")
	String show(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, Model model) {
		model.addAttribute("reply", new CommentForm());
		return page(user, id, model);
	}

	@PostMapping("/requests/{id}/replies")
	String reply(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("reply") CommentForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.tickets.reply(user.person(), id, null, form.getBody(), null, RequestForm.files(form.getAttachments()));
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, errors);
			FormErrors.askForFilesAgain(form.getAttachments(), errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(user, id, model);
		}
		redirect.addFlashAttribute("flash", text("request.replied"));
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/solve")
	String solve(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.tickets.solveByRequester(user.person(), id);
		redirect.addFlashAttribute("flash", text("request.solvedByYou"));
		return "redirect:/requests/" + id;
	}

	private String page(HelpdeskUser user, long id, Model model) {
		TicketView ticket = this.queries.ticket(user.person(), id);
		model.addAttribute("ticket", ticket);
		// while nobody has answered, the page keeps the receipt's promise in view
		model.addAttribute("receipt", (ticket.status() == TicketStatus.NEW) ? receipt(id, user.person().zone()) : null);
		model.addAttribute("facts",
				this.facts.stream().flatMap((source) -> source.about(id, user.person()).stream()).toList());
		model.addAttribute("solved", TicketStatus.SOLVED);
		return "requests/show";
	}

	private String receipt(long ticketId, ZoneId zone) {
		RequestReceipt receipt = this.receipts.getIfAvailable();
		return (receipt != null) ? receipt.text(ticketId, zone) : null;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
