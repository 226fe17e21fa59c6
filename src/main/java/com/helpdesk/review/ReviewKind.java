package com.helpdesk.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The two reviews, each marked done once per period of the team's calendar.
 */
public enum ReviewKind {

	/**
	 * Every day: New and Open tickets, what is about to solve itself, breaches,
	 * follow-ups.
	 */
	DAILY,

	/** At the start of the week: what stayed unresolved for more than a week. */
	WEEKLY;

	/**
	 * The team day the review of {@code today} is kept under: the day itself, or the
	 * Monday of its week.
	 */
	public LocalDate period(LocalDate today) {
		return (this == DAILY) ? today : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

}
