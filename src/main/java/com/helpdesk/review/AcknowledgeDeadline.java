package com.helpdesk.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import com.helpdesk.calendar.BusinessCalendar;

/**
 * When a New ticket must be acknowledged ("before the end of day, 5:00 PM local time"):
 * by a fixed local time on the team's business day it arrived. A ticket that arrives at
 * or after that time, or on a day the team's calendar does not open (a weekend, a bank
 * holiday), is due at that time on the next day the calendar opens. The time is
 * wall-clock time in the calendar's zone, so it stays 17:00 on both sides of a daylight
 * saving change. A ticket whose own first reply is due sooner (a 30-minute critical) must
 * be acknowledged by then instead. Plain Java: no clock, no database.
 */
public final class AcknowledgeDeadline {

	/** How far ahead to look for an open day before giving up. */
	private static final int MAX_DAYS = 5 * 366;

	private final LocalTime by;

	public AcknowledgeDeadline(LocalTime by) {
		this.by = Objects.requireNonNull(by, "by");
	}

	/**
	 * The local time New tickets are acknowledged by, such as 17:00.
	 */
	public LocalTime by() {
		return this.by;
	}

	/**
	 * What sets a ticket's deadline: the end of the team's day, or its own first reply
	 * due sooner.
	 */
	public enum Reason {

		END_OF_DAY, FIRST_REPLY

	}

	/**
	 * When a ticket must be acknowledged by, and why then.
	 */
	public record Due(Instant at, Reason reason) {

	}

	/**
	 * The sooner of the end of the day ({@link #dueAt}) and the ticket's first reply due
	 * time.
	 * @param firstReplyDue when its service level wants the first reply; {@code null}
	 * where none applies or it was given
	 */
	public Due due(Instant arrived, BusinessCalendar calendar, Instant firstReplyDue) {
		Instant endOfDay = dueAt(arrived, calendar);
		if (firstReplyDue != null && firstReplyDue.isBefore(endOfDay)) {
			return new Due(firstReplyDue, Reason.FIRST_REPLY);
		}
		return new Due(endOfDay, Reason.END_OF_DAY);
	}

	/**
	 * The end of the day by which a ticket that arrived at {@code arrived} must be
	 * acknowledged.
	 */
	public Instant dueAt(Instant arrived, BusinessCalendar calendar) {
		ZoneId zone = calendar.zone();
		LocalDate day = LocalDate.ofInstant(arrived, zone);
		if (isOpenDay(calendar, day) && arrived.isBefore(at(day, zone))) {
			return at(day, zone);
		}
		for (int i = 0; i < MAX_DAYS; i++) {
			day = day.plusDays(1);
			if (isOpenDay(calendar, day)) {
				return at(day, zone);
			}
		}
		throw new IllegalStateException("The calendar opens on no day in the next " + MAX_DAYS + " days");
	}

	private static boolean isOpenDay(BusinessCalendar calendar, LocalDate day) {
		// a calendar with no hours at all would leave New tickets without a deadline
		return !calendar.hasOpenTime() || calendar.opening(day).isPresent();
	}

	private Instant at(LocalDate day, ZoneId zone) {
		return ZonedDateTime.of(day, this.by, zone).toInstant();
	}

}
