package com.helpdesk.rota.web;

import java.util.Locale;

import com.helpdesk.rota.OnCallRouting;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.TicketPagePanel;
import com.helpdesk.ticket.TicketWorkspace;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who to escalate a ticket to, beside the ticket: who is on first-line support and on
 * call now, who was paged for it out of hours and whether they answered; and "I'm on it".
 */
@Controller
class EscalationController {

	private final OnCallRouting routing;

	private final MessageSource messages;

	private final EscalationTicketPanel panel;

	private final TicketWorkspace workspace;

	EscalationController(OnCallRouting routing, MessageSource messages, EscalationTicketPanel panel,
			TicketWorkspace workspace) {
		this.routing = routing;
		this.messages = messages;
		this.panel = panel;
		this.workspace = workspace;
	}

	/**
	 * Who was paged and who to escalate to, as a page of its own (the ticket page shows
	 * both with the ticket).
	 */
	@GetMapping("/rotas/escalation")
	String panel(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket, Model model) {
		model.addAttribute("m", this.panel.model(user.person(), ticket, null, null));
		return "rotas/escalation";
	}

	@PostMapping("/rotas/pages/time")
	String logTime(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			@RequestParam(required = false) String minutes, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Integer value = null;
		try {
			value = (minutes != null) ? Integer.valueOf(minutes.trim()) : null;
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		try {
			this.routing.logTime(ticket, user.person(), value);
			redirect.addFlashAttribute("flash",
					this.messages.getMessage("rota.page.minutes.logged", new Object[] { value }, Locale.UK));
			return "redirect:/tickets/" + ticket;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			String error = this.messages.getMessage(ex.errors().get(0).messageKey(),
					new Object[] { OnCallRouting.MOST_MINUTES_LOGGED }, Locale.UK);
			// the time goes with a page: with none (a form sent by hand) there is no
			// field for it
			TicketPagePanel.Shown paged = this.panel.failed(user.person(), ticket, minutes, error)
				.stream()
				.filter((shown) -> EscalationTicketPanel.PAGED.equals(shown.name()))
				.findFirst()
				.orElseThrow(() -> ex);
			return this.workspace.page(user.person(), ticket, model, paged);
		}
	}

	@PostMapping("/rotas/pages/ack")
	String acknowledge(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			RedirectAttributes redirect) {
		this.routing.acknowledge(ticket, user.person());
		redirect.addFlashAttribute("flash", this.messages.getMessage("rota.page.acknowledged", null, Locale.UK));
		return "redirect:/tickets/" + ticket;
	}

}
