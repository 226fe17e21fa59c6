package com.helpdesk.delivery;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;

/**
 * One week or sprint of planned work, from its first day (inclusive) to {@code end}
 * (exclusive), in the team's time zone.
 */
public record PlanningPeriod(LocalDate start, LocalDate end) {

	public PlanningPeriod {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts");
		}
	}

	/**
	 * The last day of the period, for people to read.
	 */
	public LocalDate lastDay() {
		return this.end.minusDays(1);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.start) && date.isBefore(this.end);
	}

	public Instant startIn(ZoneId zone) {
		return this.start.atStartOfDay(zone).toInstant();
	}

	public Instant endIn(ZoneId zone) {
		return this.end.atStartOfDay(zone).toInstant();
	}

}
