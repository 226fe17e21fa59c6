package com.helpdesk.rota.web;

import java.time.Duration;
import java.util.Locale;

import com.helpdesk.rota.OnCallRouting;
import com.helpdesk.rota.Rotas;
import com.helpdesk.security.HelpdeskUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who to escalate a ticket to, beside the ticket: who is on first-line support and on
 * call now, who was paged for it out of hours and whether they answered; and "I'm on it".
 */
@Controller
class EscalationController {

	private final Rotas rotas;

	private final OnCallRouting routing;

	private final MessageSource messages;

	private final Duration acknowledgeWithin;

	EscalationController(Rotas rotas, OnCallRouting routing, MessageSource messages,
			@Value("${helpdesk.oncall.acknowledge-within:PT15M}") Duration acknowledgeWithin) {
		this.rotas = rotas;
		this.routing = routing;
		this.messages = messages;
		this.acknowledgeWithin = acknowledgeWithin;
	}

	@GetMapping("/rotas/escalation")
	String panel(@RequestParam long ticket, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("ticketId", ticket);
		model.addAttribute("onDuty", this.rotas.now());
		model.addAttribute("pages", this.routing.pages(ticket));
		model.addAttribute("window", this.acknowledgeWithin);
		return (htmx != null) ? "rotas/escalation :: panel" : "rotas/escalation";
	}

	@PostMapping("/rotas/pages/ack")
	String acknowledge(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			RedirectAttributes redirect) {
		this.routing.acknowledge(ticket, user.person());
		redirect.addFlashAttribute("flash", this.messages.getMessage("rota.page.acknowledged", null, Locale.UK));
		return "redirect:/tickets/" + ticket;
	}

}
