package com.helpdesk.rota.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.helpdesk.rota.HoursReport;
import com.helpdesk.rota.OnCallReports;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.CsvWriter;
import com.helpdesk.shared.InvalidInputException;
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
 * The managers' on-call hours report: a month per page, its sign-off, and its CSV.
 */
@Controller
class HoursController {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private final OnCallReports reports;

	private final MessageSource messages;

	private final Clock clock;

	HoursController(OnCallReports reports, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/rotas/hours")
	String show(@RequestParam(required = false) String month, Model model) {
		YearMonth shown = month(month);
		HoursReport report = this.reports.report(shown);
		model.addAttribute("report", report);
		model.addAttribute("rows",
				report.lines()
					.stream()
					.map((l) -> new Row(l.name(), hours(l.weekday()), hours(l.weekend()), hours(l.bankHoliday()),
							hours(l.total()), l.incidents(), hours(l.timeSpent())))
					.toList());
		model.addAttribute("monthName", MONTH.format(shown.atDay(1)));
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		return "rotas/hours";
	}

	/** A line of the report as the page shows it. */
	record Row(String name, String weekday, String weekend, String bankHoliday, String total, int incidents,
			String timeSpent) {
	}

	@PostMapping("/rotas/hours/sign-off")
	String signOff(@AuthenticationPrincipal HelpdeskUser user, @RequestParam String month,
			RedirectAttributes redirect) {
		YearMonth shown = month(month);
		this.reports.signOff(shown, user.person());
		redirect.addFlashAttribute("flash", this.messages.getMessage("rota.hours.signedFlash",
				new Object[] { MONTH.format(shown.atDay(1)) }, Locale.UK));
		return "redirect:/rotas/hours?month=" + shown;
	}

	@GetMapping("/rotas/hours/export")
	void csv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
		YearMonth shown = month(month);
		HoursReport report = this.reports.report(shown);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"oncall-hours-" + shown + ".csv\"");
		CsvWriter out = new CsvWriter(new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8));
		out.row("month", "person", "email", "weekday_out_of_hours", "weekend", "bank_holiday", "total", "incidents",
				"incident_hours", "signed_off_by", "signed_off_at");
		for (HoursReport.Line line : report.lines()) {
			out.row(shown.toString(), line.name(), line.email(), hours(line.weekday()), hours(line.weekend()),
					hours(line.bankHoliday()), hours(line.total()), String.valueOf(line.incidents()),
					hours(line.timeSpent()), report.signedOff() ? report.signedBy() : "",
					report.signedOff() ? report.signedAt().toString() : "");
		}
		out.flush();
	}

	/**
	 * Hours as payroll reads them: decimal, two places.
	 */
	static String hours(Duration duration) {
		return String.format(Locale.ROOT, "%.2f", duration.toMinutes() / 60.0);
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(LocalDate.now(this.clock)).minusMonths(1);
		}
		try {
			return YearMonth.parse(month.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("month", "rota.month.invalid");
		}
	}

}
