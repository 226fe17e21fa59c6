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
	String panel(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("ticketId", ticket);
		model.addAttribute("myId", user.id());
		model.addAttribute("onDuty", this.rotas.now());
		var pages = this.routing.pages(ticket);
		model.addAttribute("pages", pages);
		model.addAttribute("canLogTime",
				pages.stream()
					.anyMatch((p) -> p.level() <= 1
							&& (p.personId() == user.id() || Long.valueOf(user.id()).equals(p.acknowledgedById()))));
		model.addAttribute("canAcknowledge", !pages.isEmpty() && this.routing.mayAcknowledge(ticket, user.person()));
		if (!model.containsAttribute("minutes")) {
			model.addAttribute("minutes",
					pages.stream()
						.map((p) -> p.minutesOf(user.id()))
						.filter((m) -> m != null)
						.findFirst()
						.orElse(null));
		}
		model.addAttribute("window", this.acknowledgeWithin);
		return (htmx != null) ? "rotas/escalation :: panel" : "rotas/escalation";
	}

	@PostMapping("/rotas/pages/time")
	String logTime(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long ticket,
			@RequestParam(required = false) String minutes, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpServletResponse response) {
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
		catch (com.helpdesk.shared.InvalidInputException ex) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("minutesError", this.messages.getMessage(ex.errors().get(0).messageKey(),
					new Object[] { OnCallRouting.MOST_MINUTES_LOGGED }, Locale.UK));
			model.addAttribute("minutes", minutes);
			return panel(user, ticket, null, model);
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
