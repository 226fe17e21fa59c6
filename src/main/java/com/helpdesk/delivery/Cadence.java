package com.helpdesk.delivery;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How a team cuts time into periods of planned work: weeks, or sprints of two weeks, each
 * starting on the weekday of {@code anchor} (any period's first day).
 */
public record Cadence(int weeks, LocalDate anchor) {

	public Cadence {
		if (weeks != 1 && weeks != 2) {
			throw new IllegalArgumentException("A period is one or two weeks");
		}
	}

	public boolean isSprint() {
		return this.weeks > 1;
	}

	/**
	 * The period a date falls in.
	 */
	public PlanningPeriod periodOf(LocalDate date) {
		long length = 7L * this.weeks;
		long offset = Math.floorDiv(ChronoUnit.DAYS.between(this.anchor, date), length);
		LocalDate start = this.anchor.plusDays(offset * length);
		return new PlanningPeriod(start, start.plusDays(length));
	}

	/**
	 * Whether a period starts on this date.
	 */
	public boolean startsOn(LocalDate date) {
		return periodOf(date).start().equals(date);
	}

	/**
	 * {@code count} periods in a row, the first being the one {@code date} falls in.
	 */
	public List<PlanningPeriod> periods(LocalDate date, int count) {
		List<PlanningPeriod> periods = new ArrayList<>(count);
		PlanningPeriod period = periodOf(date);
		for (int i = 0; i < count; i++) {
			periods.add(period);
			period = new PlanningPeriod(period.end(), period.end().plusDays(7L * this.weeks));
		}
		return periods;
	}

}
