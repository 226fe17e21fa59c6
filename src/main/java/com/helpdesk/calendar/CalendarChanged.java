package com.helpdesk.calendar;

import java.time.Instant;

/**
 * A calendar's hours, zone or holidays changed, so time counted in it may come out
 * differently. Published in the transaction of the change.
 */
public record CalendarChanged(long calendarId, Instant at) {
}
