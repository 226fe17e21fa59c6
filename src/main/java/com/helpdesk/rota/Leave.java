package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days someone is away, first and last inclusive, in their own time zone.
 */
public record Leave(long id, long personId, LocalDate firstDay, LocalDate lastDay, String note, ZoneId zone) {

	public Instant start() {
		return this.firstDay.atStartOfDay(this.zone).toInstant();
	}

	public Instant end() {
		return this.lastDay.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	public boolean overlaps(Instant from, Instant to) {
		return start().isBefore(to) && from.isBefore(end());
	}

}
