package com.helpdesk.rota.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.rota.CoverCommand;
import com.helpdesk.rota.LeaveClash;
import com.helpdesk.rota.Handovers;
import com.helpdesk.rota.Leaves;
import com.helpdesk.rota.RotaFeeds;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.ShiftSwaps;
import com.helpdesk.rota.ShiftView;
import com.helpdesk.directory.Role;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.DateInput;
import com.helpdesk.shared.InvalidInputException;

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
 * The team's rotas for staff: who is on now, each rota's month, your own shifts, and
 * joining or leaving an opt-in rota.
 */
@Controller
class RotaController {

	/** How far ahead "my shifts" looks. */
	private static final int WEEKS_AHEAD = 26;

	private final Rotas rotas;

	private final ShiftSwaps swaps;

	private final Calendars calendars;

	private final Directory directory;

	private final Leaves leaves;

	private final Handovers handovers;

	private final RotaFeeds feeds;

	private final MessageSource messages;

	private final Clock clock;

	RotaController(Rotas rotas, ShiftSwaps swaps, Leaves leaves, RotaFeeds feeds, Handovers handovers,
			Calendars calendars, Directory directory, MessageSource messages, Clock clock) {
		this.handovers = handovers;
		this.feeds = feeds;
		this.directory = directory;
		this.leaves = leaves;
		this.rotas = rotas;
		this.swaps = swaps;
		this.calendars = calendars;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/rotas")
	String list(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		model.addAttribute("onDuty", this.rotas.now());
		return "rotas/list";
	}

	@GetMapping("/rotas/now")
	String now(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		model.addAttribute("now", this.handovers.onDutyNow(user.person()));
		return "rotas/now :: banner";
	}

	@GetMapping("/rotas/mine")
	String mine(@AuthenticationPrincipal HelpdeskUser user, Model model) {
		Instant now = this.clock.instant();
		List<ShiftView> shifts = this.rotas.shiftsOf(user.id(), now, now.plus(WEEKS_AHEAD * 7L, ChronoUnit.DAYS));
		model.addAttribute("shifts", shifts);
		model.addAttribute("myId", user.id());
		model.addAttribute("weeksAhead", WEEKS_AHEAD);
		model.addAttribute("now", now);
		model.addAttribute("leave", this.leaves.of(user.id()));
		model.addAttribute("feeds", this.feeds.of(user.person()));
		if (!model.containsAttribute("leaveForm")) {
			model.addAttribute("leaveForm", new LeaveForm());
		}
		model.addAttribute("swaps", this.swaps.concerning(user.person()));
		model.addAttribute("approver", user.person().role() == Role.MANAGER || user.person().role() == Role.ADMIN);
		List<Rota> optIn = this.rotas.list().stream().filter(Rota::optIn).toList();
		model.addAttribute("optIn", optIn);
		model.addAttribute("members",
				optIn.stream().filter((rota) -> isMember(rota, user.id())).map(Rota::id).toList());
		return "rotas/mine";
	}

	@GetMapping("/rotas/{id}")
	String month(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(required = false) String month, @RequestParam(required = false) Long coverPerson,
			@RequestParam(required = false) Long coverFor, @RequestParam(required = false) Long coverPosition,
			@RequestParam(required = false) String coverStart, @RequestParam(required = false) String coverEnd,
			Model model) {
		Rota rota = this.rotas.get(id);
		ZoneId zone = user.person().zone();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		YearMonth shown = YearMonth.from(today);
		if (month != null) {
			try {
				shown = YearMonth.parse(month);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("month", "rota.month.invalid");
			}
		}
		List<ShiftView> shifts = this.rotas.shifts(id, RotaMonth.start(shown, zone), RotaMonth.end(shown, zone));
		List<LeaveClash> clashes = this.leaves.clashes(id, RotaMonth.start(shown, zone), RotaMonth.end(shown, zone));
		model.addAttribute("clashes", clashes);
		model.addAttribute("rota", rota);
		model.addAttribute("calendarName",
				(rota.calendarId() != null) ? this.calendars.get(rota.calendarId()).name() : null);
		model.addAttribute("view", RotaMonth.of(rota, shown, zone, shifts, clashes, today));
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("staff", this.directory.staff());
		model.addAttribute("month", shown);
		if (!model.containsAttribute("cover")) {
			model.addAttribute("cover",
					CoverForm.suggested(coverPosition, coverPerson, coverFor, coverStart, coverEnd));
			model.addAttribute("coverErrors", Map.of());
			model.addAttribute("coverCodes", Map.of());
		}
		return "rotas/month";
	}

	@PostMapping("/rotas/{id}/covers")
	String addCover(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@org.springframework.web.bind.annotation.ModelAttribute("cover") CoverForm form,
			@RequestParam(required = false) String month, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Rota rota = this.rotas.get(id);
		ZoneId zone = user.person().zone();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> codes = new LinkedHashMap<>();
		Instant from = dateTime(form.start(), form.getStartTime(), zone, "start", errors, codes);
		Instant until = dateTime(form.end(), form.getEndTime(), zone, "end", errors, codes);
		long position = (form.getPositionId() != null) ? form.getPositionId() : rota.positions().get(0).id();
		form.setPositionId(position);
		try {
			if (errors.isEmpty()) {
				this.rotas.addCover(id, new CoverCommand(position, form.getPersonId(), form.getCoveredPersonId(), from,
						until, form.getReason()), user.person());
				redirect.addFlashAttribute("flash", text("rota.cover.added"));
				return "redirect:/rotas/" + id + "?month=" + YearMonth.from(from.atZone(zone));
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> {
				errors.merge(e.field(), text(e.messageKey()), (a, b) -> a + " " + b);
				codes.putIfAbsent(e.field(), e.messageKey());
			});
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("coverErrors", errors);
		model.addAttribute("coverCodes", codes);
		return month(user, id, month, null, null, null, null, null, model);
	}

	/**
	 * When the cover starts or ends: a date in three boxes and a time, in the person's
	 * zone; what is wrong goes to {@code errors} (text) and {@code codes} (message code),
	 * the date's on {@code field}, the time's on {@code field + "Time"}.
	 */
	private Instant dateTime(DateInput date, String time, ZoneId zone, String field, Map<String, String> errors,
			Map<String, String> codes) {
		DateInput.Reading day = date.read();
		if (!day.isValid()) {
			String code = day.problem().code();
			codes.put(field, code);
			errors.put(field, text(code, DateInput.arguments(text("rota.cover." + field + ".name"))));
		}
		LocalTime at = CoverForm.time(time);
		if (at == null) {
			String key = (time == null || time.isBlank()) ? "rota.cover." + field + "Time.required"
					: "rota.cover.time.invalid";
			codes.put(field + "Time", key);
			errors.put(field + "Time", text(key));
		}
		LocalDateTime local = CoverForm.at(day.date(), at);
		return (local != null) ? local.atZone(zone).toInstant() : null;
	}

	@PostMapping("/rotas/leave")
	String addLeave(@AuthenticationPrincipal HelpdeskUser user,
			@org.springframework.web.bind.annotation.ModelAttribute("leaveForm") LeaveForm form,
			org.springframework.validation.BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		LocalDate first = form.firstDay().readInto(errors, "firstDay", text("rota.leave.firstDay.name"));
		LocalDate last = form.lastDay().readInto(errors, "lastDay", text("rota.leave.lastDay.name"));
		try {
			if (!errors.hasErrors()) {
				this.leaves.add(user.person(), first, last, form.getNote());
				redirect.addFlashAttribute("flash", text("rota.leave.added", first, last));
				return "redirect:/rotas/mine#leave";
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return mine(user, model);
	}

	@PostMapping("/rotas/leave/{leaveId}/remove")
	String removeLeave(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long leaveId,
			RedirectAttributes redirect) {
		this.leaves.remove(leaveId, user.person());
		redirect.addFlashAttribute("flash", text("rota.leave.removed"));
		return "redirect:/rotas/mine#leave";
	}

	@PostMapping("/rotas/{id}/join")
	String join(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		LocalDate from = this.rotas.join(id, user.person());
		redirect.addFlashAttribute("flash", text("rota.joined", this.rotas.get(id).name(), from));
		return "redirect:/rotas/mine";
	}

	@PostMapping("/rotas/{id}/leave")
	String leave(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id, RedirectAttributes redirect) {
		LocalDate from = this.rotas.leave(id, user.person());
		redirect.addFlashAttribute("flash", text("rota.left", this.rotas.get(id).name(), from));
		return "redirect:/rotas/mine";
	}

	static boolean isMember(Rota rota, long personId) {
		return rota.positions()
			.stream()
			.anyMatch((p) -> !p.rosters().isEmpty()
					&& p.rosters().get(p.rosters().size() - 1).memberIds().contains(personId));
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, java.util.Locale.UK);
	}

}
