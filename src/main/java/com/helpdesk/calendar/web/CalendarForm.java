package com.helpdesk.calendar.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.CalendarView;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.calendar.OpeningHoursText;

import org.springframework.validation.BindingResult;

/**
 * The calendar form: name, zone, and each weekday's hours as typed.
 */
public class CalendarForm {

	private String name;

	private String timeZone = "Europe/London";

	private Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);

	private Long version;

	static CalendarForm of(CalendarView calendar) {
		CalendarForm form = new CalendarForm();
		form.name = calendar.name();
		form.timeZone = calendar.timeZone();
		for (DayOfWeek day : DayOfWeek.values()) {
			form.hours.put(day, OpeningHoursText.formatDay(calendar.hours(), day));
		}
		form.version = calendar.version();
		return form;
	}

	static CalendarForm officeHours() {
		CalendarForm form = new CalendarForm();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			form.hours.put(day, "09:00-17:00");
		}
		return form;
	}

	/**
	 * The command, or {@code null} with an error next to each day that cannot be read.
	 */
	CalendarCommand toCommand(BindingResult errors) {
		List<OpeningHours> all = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			try {
				all.addAll(OpeningHoursText.parse(day, this.hours.get(day)));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("hours[" + day + "]", "calendar.hours.unreadable");
			}
		}
		return errors.hasErrors() ? null : new CalendarCommand(this.name, this.timeZone, all, null);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Map<DayOfWeek, String> getHours() {
		return this.hours;
	}

	public void setHours(Map<DayOfWeek, String> hours) {
		this.hours = hours;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
