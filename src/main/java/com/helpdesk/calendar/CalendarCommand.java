package com.helpdesk.calendar;

import java.util.List;

/**
 * Create or change a calendar. A weekday with no hours is closed.
 */
public record CalendarCommand(String name, String timeZone, List<OpeningHours> hours, List<Holiday> holidays) {
}
