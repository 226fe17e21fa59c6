package com.helpdesk.calendar.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.directory.Directory;
import com.helpdesk.security.HelpdeskUser;
import com.helpdesk.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of business calendars: hours per weekday, holidays one by one, from an
 * iCalendar file, or the England and Wales bank holidays shipped with the helpdesk.
 */
@Controller
class CalendarAdminController {

	private final Calendars calendars;

	private final MessageSource messages;

	private final Directory directory;

	CalendarAdminController(Calendars calendars, MessageSource messages, Directory directory) {
		this.calendars = calendars;
		this.messages = messages;
		this.directory = directory;
	}

	@GetMapping("/admin/calendars")
	String list(Model model) {
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("days", DayOfWeek.values());
		return "admin/calendars";
	}

	@GetMapping("/admin/calendars/new")
	String newCalendar(Model model) {
		model.addAttribute("calendar", CalendarForm.officeHours());
		return form(model, null);
	}

	@PostMapping("/admin/calendars")
	String create(@AuthenticationPrincipal HelpdeskUser user, @ModelAttribute("calendar") CalendarForm form,
			BindingResult errors, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CalendarCommand command = form.toCommand(errors);
		try {
			if (command != null) {
				long id = this.calendars.create(command, user.id());
				redirect.addFlashAttribute("flash", text("admin.calendar.created", form.getName()));
				return "redirect:/admin/calendars/" + id;
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null);
	}

	@GetMapping("/admin/calendars/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("calendar", CalendarForm.of(this.calendars.get(id)));
		return form(model, id);
	}

	@PostMapping("/admin/calendars/{id}")
	String update(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("calendar") CalendarForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CalendarCommand command = form.toCommand(errors);
		try {
			if (command != null) {
				this.calendars.update(id, (form.getVersion() != null) ? form.getVersion() : -1, command, user.id());
				redirect.addFlashAttribute("flash", text("admin.calendar.saved", form.getName()));
				return "redirect:/admin/calendars/" + id;
			}
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach((e) -> errors.rejectValue(e.field(), e.messageKey()));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, id);
	}

	@PostMapping("/admin/calendars/{id}/holidays")
	String addHoliday(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@ModelAttribute("holiday") HolidayForm form, BindingResult errors, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Holiday holiday = form.toHoliday(errors);
		if (holiday == null) {
			model.addAttribute("calendar", CalendarForm.of(this.calendars.get(id)));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, id);
		}
		int added = this.calendars.addHolidays(id, java.util.List.of(holiday), user.id());
		redirect.addFlashAttribute("flash", text("admin.calendar.holidaysAdded", added));
		return "redirect:/admin/calendars/" + id + "#holidays";
	}

	@PostMapping("/admin/calendars/{id}/holidays/bank-holidays")
	String addBankHolidays(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		int added = this.calendars.addHolidays(id, Calendars.englandAndWalesBankHolidays(), user.id());
		redirect.addFlashAttribute("flash", text("admin.calendar.holidaysAdded", added));
		return "redirect:/admin/calendars/" + id + "#holidays";
	}

	@PostMapping("/admin/calendars/{id}/holidays/import")
	String importHolidays(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "calendar.ics.required");
			}
			var holidays = Calendars
				.readICalendar(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
			int added = this.calendars.addHolidays(id, holidays, user.id());
			redirect.addFlashAttribute("flash", text("admin.calendar.holidaysAdded", added));
			return "redirect:/admin/calendars/" + id + "#holidays";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("importError", ex.errors().get(0).messageKey());
			model.addAttribute("calendar", CalendarForm.of(this.calendars.get(id)));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, id);
		}
	}

	@PostMapping("/admin/calendars/{id}/holidays/{date}/remove")
	String removeHoliday(@AuthenticationPrincipal HelpdeskUser user, @PathVariable long id,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
		this.calendars.removeHoliday(id, date, user.id());
		redirect.addFlashAttribute("flash", text("admin.calendar.holidayRemoved"));
		return "redirect:/admin/calendars/" + id + "#holidays";
	}

	private String form(Model model, Long id) {
		model.addAttribute("calendarId", id);
		model.addAttribute("history", (id != null) ? this.directory.history("CALENDAR", id) : java.util.List.of());
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("zones", Directory.timeZones());
		if (id != null) {
			model.addAttribute("view", this.calendars.get(id));
			if (!model.containsAttribute("holiday")) {
				model.addAttribute("holiday", new HolidayForm());
			}
		}
		return "admin/calendar-form";
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

}
