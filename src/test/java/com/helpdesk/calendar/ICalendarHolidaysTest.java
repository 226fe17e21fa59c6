package com.helpdesk.calendar;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holidays read from iCalendar files as calendar apps write them, including the shapes
 * RFC 5545 allows without a DTEND.
 */
class ICalendarHolidaysTest {

	@Test
	void anAllDayEventWithoutAnEndLastsItsOneDay() {
		assertThat(Calendars.readICalendar(new StringReader(calendar("""
				BEGIN:VEVENT
				UID:boxing-day
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20261228
				SUMMARY:Boxing Day (substitute day)
				END:VEVENT
				""")))).containsExactly(new Holiday(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)"));
	}

	@Test
	void anAllDayEventWithADurationLastsThatManyDays() {
		assertThat(Calendars.readICalendar(new StringReader(calendar("""
				BEGIN:VEVENT
				UID:shutdown
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20261229
				DURATION:P2D
				SUMMARY:Office closed
				END:VEVENT
				""")))).containsExactly(new Holiday(LocalDate.of(2026, 12, 29), "Office closed"),
				new Holiday(LocalDate.of(2026, 12, 30), "Office closed"));
	}

	private static String calendar(String events) {
		return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + events + "END:VCALENDAR\n").replace("\n",
				"\r\n");
	}

}
