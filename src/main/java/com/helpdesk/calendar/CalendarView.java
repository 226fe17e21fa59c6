package com.helpdesk.calendar;

import java.util.List;

/**
 * A calendar as pages and the API show it.
 */
public record CalendarView(long id, String name, String timeZone, List<OpeningHours> hours, List<Holiday> holidays,
		long version) {
}
