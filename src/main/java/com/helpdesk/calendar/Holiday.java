package com.helpdesk.calendar;

import java.time.LocalDate;

/**
 * A day the calendar is closed all day.
 */
public record Holiday(LocalDate date, String name) {
}
