package com.helpdesk.rota.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.helpdesk.rota.Handover;
import com.helpdesk.rota.Handover.Kind;
import com.helpdesk.rota.Handovers;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Handovers: the week's list with what is missing, writing one from its pre-filled
 * summary, and acknowledging one.
 */
@Controller
class HandoverController {

	/**
	 * The only places acknowledging sends someone back to: a handover's own page.
	 */
	private static final Pattern HANDOVER_PAGE = Pattern
		.compile("/rotas/handovers/[0-9]{1,18}/(morning|evening)/[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private final Handovers handovers;

	private final MessageSource messages;

	HandoverController(Handovers handovers, MessageSource messages) {
		this.handovers = handovers;
		this.messages = messages;
	}

	@GetMapping("/rotas/handovers")
	String list(Model model) {
		model.addAttribute("handovers", this.handovers.recent());
		return "rotas/handovers";
	}

	@GetMapping("/rotas/handovers/{rota}/{kind}/{date}")
	String show(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long rota, @PathVariable String kind,
			@PathVariable String date, Model model) {
		Handover handover = this.handovers.get(rota, kind(kind), date(date));
		model.addAttribute("handover", handover);
		model.addAttribute("summary", TicketNumbers.linked(handover.summary()));
		model.addAttribute("notesLinked", TicketNumbers.linked(handover.notes()));
		model.addAttribute("canAcknowledge", handover.acknowledgeableBy(user.id()));
		return "rotas/handover";
	}

	@PostMapping("/rotas/handovers/{rota}/{kind}/{date}")
	String write(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long rota, @PathVariable String kind,
			@PathVariable String date, @RequestParam(required = false) String notes, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.handovers.write(rota, kind(kind), date(date), notes, user.person());
			redirect.addFlashAttribute("flash", text("rota.handover.writtenFlash"));
			return "redirect:/rotas/handovers/" + rota + "/" + kind + "/" + date;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("notesError", text(ex.errors().get(0).messageKey()));
			model.addAttribute("notes", notes);
			return show(user, rota, kind, date, model);
		}
	}

	@PostMapping("/rotas/handovers/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(required = false) String back, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		// only a handover page is gone back to, whatever was sent
		boolean toHandover = back != null && HANDOVER_PAGE.matcher(back).matches();
		try {
			this.handovers.acknowledge(id, user.person());
		}
		catch (InvalidInputException ex) {
			String[] path = toHandover ? back.split("/") : null;
			if (path == null || !Long.valueOf(id).equals(handoverAt(path).map(Handover::id).orElse(null))) {
				throw ex;
			}
			// from a page opened before the button was hidden: the rule, next to the
			// handover
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("acknowledgeError", text(ex.errors().get(0).messageKey()));
			return show(user, Long.parseLong(path[3]), path[4], path[5], model);
		}
		redirect.addFlashAttribute("flash", text("rota.handover.acknowledgedFlash"));
		return "redirect:" + (toHandover ? back : "/rotas/handovers");
	}

	/**
	 * The handover a handover page's address (/rotas/handovers/{rota}/{kind}/{date})
	 * shows, if there is one.
	 */
	private Optional<Handover> handoverAt(String[] path) {
		try {
			return Optional.of(this.handovers.get(Long.parseLong(path[3]), kind(path[4]), date(path[5])));
		}
		catch (NotFoundException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Kind kind(String kind) {
		try {
			return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("handover", 0);
		}
	}

	private static LocalDate date(String date) {
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new NotFoundException("handover", 0);
		}
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, Locale.UK);
	}

	static String path(Handover handover) {
		return "/rotas/handovers/" + handover.rotaId() + "/" + handover.kind().name().toLowerCase(Locale.ROOT) + "/"
				+ handover.businessDate();
	}

}
