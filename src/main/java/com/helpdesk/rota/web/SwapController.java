package com.helpdesk.rota.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaPosition;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.Shift;
import com.helpdesk.rota.ShiftSwaps;
import com.helpdesk.rota.ShiftView;
import com.helpdesk.rota.SwapStatus;
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
 * Asking for, answering and approving shift swaps.
 */
@Controller
class SwapController {

	private static final int WEEKS_AHEAD = 26;

	private final Rotas rotas;

	private final ShiftSwaps swaps;

	private final MessageSource messages;

	private final Clock clock;

	SwapController(Rotas rotas, ShiftSwaps swaps, MessageSource messages, Clock clock) {
		this.rotas = rotas;
		this.swaps = swaps;
		this.messages = messages;
		this.clock = clock;
	}

	/** One of a colleague's shifts that could be given in return. */
	record Option(String value, ShiftView shift) {
	}

	@GetMapping("/rotas/swaps/new")
	String form(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long rota, @RequestParam long position,
			@RequestParam int stint, Model model) {
		return page(user, rota, position, stint, null, null, Map.of(), model);
	}

	@PostMapping("/rotas/swaps")
	String request(@AuthenticationPrincipal HelpdeskUser user, @RequestParam long rota, @RequestParam long position,
			@RequestParam int stint, @RequestParam(required = false) String choice,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Long colleague = null;
		Integer colleagueStint = null;
		try {
			if (choice == null || choice.isBlank()) {
				throw new InvalidInputException("colleague", "rota.swap.choose");
			}
			if (!choice.equals("anyone")) {
				String[] parts = choice.split(":");
				try {
					colleague = Long.valueOf(parts[0]);
					colleagueStint = (parts.length > 1) ? Integer.valueOf(parts[1]) : null;
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("colleague", "rota.swap.choose");
				}
			}
			this.swaps.request(user.person(), rota, position, stint, colleague, colleagueStint, note);
			redirect.addFlashAttribute("flash", text("rota.swaps.sent"));
			return "redirect:/rotas/mine";
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			ex.errors().forEach((e) -> errors.merge(e.field(), text(e.messageKey()), (a, b) -> a + " " + b));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(user, rota, position, stint, choice, note, errors, model);
		}
	}

	@PostMapping("/rotas/swaps/{id}/accept")
	String accept(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		SwapStatus status = this.swaps.accept(id, user.person());
		redirect.addFlashAttribute("flash",
				text((status == SwapStatus.DONE) ? "rota.swaps.accepted" : "rota.swaps.awaiting"));
		return "redirect:/rotas/mine";
	}

	@PostMapping("/rotas/swaps/{id}/decline")
	String decline(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.swaps.decline(id, user.person());
		redirect.addFlashAttribute("flash", text("rota.swaps.declined"));
		return "redirect:/rotas/mine";
	}

	@PostMapping("/rotas/swaps/{id}/cancel")
	String cancel(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.swaps.cancel(id, user.person());
		redirect.addFlashAttribute("flash", text("rota.swaps.cancelled"));
		return "redirect:/rotas/mine";
	}

	@PostMapping("/rotas/swaps/{id}/approve")
	String approve(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.swaps.decide(id, user.person(), true);
		redirect.addFlashAttribute("flash", text("rota.swaps.approved"));
		return "redirect:/rotas/mine";
	}

	@PostMapping("/rotas/swaps/{id}/refuse")
	String refuse(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.swaps.decide(id, user.person(), false);
		redirect.addFlashAttribute("flash", text("rota.swaps.refused"));
		return "redirect:/rotas/mine";
	}

	private String page(HelpdeskUser user, long rotaId, long positionId, int stint, String choice, String note,
			Map<String, String> errors, Model model) {
		Rota rota = this.rotas.get(rotaId);
		RotaPosition position = rota.position(positionId)
			.orElseThrow(() -> new NotFoundException("position", positionId));
		Shift mine = rota.stint(position, stint).orElseThrow(() -> new NotFoundException("shift", stint));
		Instant now = this.clock.instant();
		List<Option> options = new ArrayList<>();
		for (ShiftView view : this.rotas.shifts(rotaId, now, now.plus(WEEKS_AHEAD * 7L, ChronoUnit.DAYS))) {
			Shift shift = view.shift();
			if (shift.positionId() == positionId && shift.personId() != user.id() && shift.start().isAfter(now)
					&& !shift.isChanged()
					&& options.stream().noneMatch((o) -> o.shift().shift().stint() == shift.stint())) {
				options.add(new Option(shift.personId() + ":" + shift.stint(), view));
			}
		}
		model.addAttribute("rota", rota);
		model.addAttribute("position", position);
		model.addAttribute("mine", mine);
		model.addAttribute("options", options);
		model.addAttribute("choice", choice);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		return "rotas/swap";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
