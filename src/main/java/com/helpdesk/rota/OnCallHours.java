package com.helpdesk.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.BusinessCalendar;

/**
 * Someone's hours on call in a period, split the way compensation is paid: out of hours
 * on a working weekday, at the weekend, and on a bank holiday (a holiday of the team's
 * calendar). Only the time the calendar is closed counts: that is when on call works.
 * Days are local days of the calendar's zone, so a day the clocks go forward has 23
 * hours.
 */
public record OnCallHours(long personId, Duration weekday, Duration weekend, Duration bankHoliday) {

	public Duration total() {
		return this.weekday.plus(this.weekend).plus(this.bankHoliday);
	}

	OnCallHours plus(OnCallHours other) {
		return new OnCallHours(this.personId, this.weekday.plus(other.weekday), this.weekend.plus(other.weekend),
				this.bankHoliday.plus(other.bankHoliday));
	}

	/**
	 * Each person's closed-hours time in {@code [from, to)} from the shifts they held.
	 */
	public static Map<Long, OnCallHours> of(List<Shift> shifts, BusinessCalendar calendar, Instant from, Instant to) {
		Map<Long, OnCallHours> hours = new LinkedHashMap<>();
		ZoneId zone = calendar.zone();
		for (Shift shift : shifts) {
			Instant a = shift.start().isAfter(from) ? shift.start() : from;
			Instant b = shift.end().isBefore(to) ? shift.end() : to;
			if (!a.isBefore(b)) {
				continue;
			}
			for (LocalDate day = LocalDate.ofInstant(a, zone); day.atStartOfDay(zone)
				.toInstant()
				.isBefore(b); day = day.plusDays(1)) {
				Instant dayStart = day.atStartOfDay(zone).toInstant();
				Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
				Instant x = a.isAfter(dayStart) ? a : dayStart;
				Instant y = b.isBefore(dayEnd) ? b : dayEnd;
				if (!x.isBefore(y)) {
					continue;
				}
				Duration closed = Duration.between(x, y).minus(calendar.between(x, y));
				Duration none = Duration.ZERO;
				OnCallHours part;
				if (calendar.isHoliday(day)) {
					part = new OnCallHours(shift.personId(), none, none, closed);
				}
				else if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
					part = new OnCallHours(shift.personId(), none, closed, none);
				}
				else {
					part = new OnCallHours(shift.personId(), closed, none, none);
				}
				hours.merge(shift.personId(), part, OnCallHours::plus);
			}
		}
		return hours;
	}

}
