package com.helpdesk.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One interval a calendar is open on a weekday, in local wall-clock time; a day may have
 * several.
 */
public record OpeningHours(DayOfWeek day, LocalTime start, LocalTime end) implements Comparable<OpeningHours> {

	public OpeningHours {
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("An opening interval must end after it starts: " + start + "–" + end);
		}
	}

	@Override
	public int compareTo(OpeningHours other) {
		int byDay = this.day.compareTo(other.day);
		return (byDay != 0) ? byDay : this.start.compareTo(other.start);
	}

}
