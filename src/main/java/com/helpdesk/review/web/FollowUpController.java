package com.helpdesk.review.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.directory.Directory;
import com.helpdesk.review.FollowUp;
import com.helpdesk.review.FollowUpCommand;
import com.helpdesk.review.FollowUps;
import com.helpdesk.review.StaleFollowUpException;
import com.helpdesk.review.web.ReviewModels.Failed;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketWorkspace;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A ticket's follow-up: the panel beside the ticket (loaded by htmx, or as a page of its
 * own without JavaScript), setting or changing it from there or from the weekly review,
 * and marking it done. Each form says where it came from ({@code from}), so the person
 * goes back there.
 */
@Controller
class FollowUpController {

	private final FollowUps followUps;

	private final TicketQueries tickets;

	private final Directory directory;

	private final ReviewModels models;

	private final MessageSource messages;

	private final FollowUpTicketPanel panel;

	private final TicketWorkspace workspace;

	FollowUpController(FollowUps followUps, TicketQueries tickets, Directory directory, ReviewModels models,
			MessageSource messages, FollowUpTicketPanel panel, TicketWorkspace workspace) {
		this.panel = panel;
		this.workspace = workspace;
		this.followUps = followUps;
		this.tickets = tickets;
		this.directory = directory;
		this.models = models;
		this.messages = messages;
	}

	/**
	 * The follow-up as a page of its own (the ticket page shows it beside the ticket).
	 */
	@GetMapping("/reviews/follow-up")
	String panel(@RequestParam long ticket, Model model) {
		model.addAttribute("ticket", this.tickets.summary(ticket));
		model.addAttribute("m", this.panel.model(ticket, null, Map.of(), true));
		return "reviews/follow-up";
	}

	@PostMapping("/reviews/follow-ups")
	String set(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			@RequestParam(defaultValue = "ticket") String from, @RequestParam(required = false) String by,
			@ModelAttribute("form") FollowUpForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> keys = new LinkedHashMap<>();
		FollowUpCommand command = form.toCommand(keys);
		try {
			if (keys.isEmpty()) {
				this.followUps.set(ticket, command, user.person());
				redirect.addFlashAttribute("flash", text("review.followUp.savedFlash", String.valueOf(ticket)));
				return "redirect:" + back(from, by, ticket);
			}
			this.followUps.problems(command).forEach((e) -> keys.putIfAbsent(e.field(), e.messageKey()));
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> keys.putIfAbsent(e.field(), e.messageKey()));
		}
		catch (StaleFollowUpException ex) {
			return conflict(ticket, form, from, by, model, response);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		keys.forEach((field, key) -> errors.put(field, text(key)));
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		if ("weekly".equals(from)) {
			return this.models.weekly(user.person(), by, new Failed(ticket, form, errors), model);
		}
		if ("page".equals(from)) {
			model.addAttribute("ticket", this.tickets.summary(ticket));
			model.addAttribute("m", this.panel.model(ticket, form, errors, true));
			return "reviews/follow-up";
		}
		return this.workspace.page(user.person(), ticket, model, this.panel.failed(ticket, form, errors));
	}

	@PostMapping("/reviews/follow-ups/done")
	String done(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket, @RequestParam long version,
			@RequestParam(defaultValue = "ticket") String from, @RequestParam(required = false) String by, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.followUps.done(ticket, version, user.person());
		}
		catch (StaleFollowUpException ex) {
			return conflict(ticket, null, from, by, model, response);
		}
		redirect.addFlashAttribute("flash", text("review.followUp.doneFlash", String.valueOf(ticket)));
		return "redirect:" + back(from, by, ticket);
	}

	/**
	 * Someone else changed the follow-up first: show it as it is now, and what this
	 * person typed, ready to send again over the new version.
	 */
	private String conflict(long ticket, FollowUpForm typed, String from, String by, Model model,
			HttpServletResponse response) {
		FollowUp latest = this.followUps.latest(ticket).orElse(null);
		model.addAttribute("ticket", this.tickets.summary(ticket));
		model.addAttribute("latest", latest);
		model.addAttribute("form", (typed != null)
				? typed.withVersion((latest != null && !latest.isDone()) ? latest.version() : null) : null);
		model.addAttribute("errors", Map.of());
		model.addAttribute("specialists", Specialist.all(this.directory));
		model.addAttribute("from", from);
		model.addAttribute("by", by);
		model.addAttribute("backTo", back(from, by, ticket));
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "reviews/conflict";
	}

	/**
	 * Where a form sends the person back to; only these, never a URL from the request.
	 */
	private static String back(String from, String by, long ticket) {
		return switch (from) {
			case "weekly" -> "/reviews/weekly" + ("group".equals(by) ? "?by=group" : "") + "#ticket-" + ticket;
			case "daily" -> "/reviews/daily#follow-ups";
			case "page" -> "/reviews/follow-up?ticket=" + ticket;
			default -> "/tickets/" + ticket;
		};
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
