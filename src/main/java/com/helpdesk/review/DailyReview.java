package com.helpdesk.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaMetric;

/**
 * What the team goes through each day, as of {@code now}.
 *
 * @param day the team's day, in the zone of its calendar
 * @param acknowledgeBy the local time New tickets are acknowledged by
 * @param unacknowledged New tickets, the soonest due to be acknowledged first
 * @param openOverADay Open tickets waiting on us for more than a day
 * @param solvingSoon Pending tickets that will be solved automatically within a day
 * @param breaches SLA targets missed since the start of yesterday
 * @param followUpsDue open follow-ups due today or before
 * @param done who marked today's review done, if anyone has
 */
public record DailyReview(LocalDate day, String calendarName, ZoneId zone, LocalTime acknowledgeBy, Instant now,
		Shown<Unacknowledged> unacknowledged, Shown<WaitingOnUs> openOverADay, Shown<SolvingSoon> solvingSoon,
		Shown<Breach> breaches, Shown<FollowUp> followUpsDue, ReviewDone done, List<ReviewDone> recent) {

	/**
	 * A New ticket and when it must be acknowledged.
	 *
	 * @param dueBecause whether the end of the day or its first reply due time sets
	 * {@code dueAt}
	 */
	public record Unacknowledged(long ticketId, String subject, String clientName, Priority priority, Instant arrivedAt,
			Instant dueAt, AcknowledgeDeadline.Reason dueBecause) {

		public boolean isOverdue(Instant now) {
			return !now.isBefore(this.dueAt);
		}

		/**
		 * The time left, or how long it is overdue by.
		 */
		public Duration left(Instant now) {
			return Duration.between(now, this.dueAt).abs();
		}

	}

	/**
	 * An Open ticket and since when it has been waiting on us: when it last became Open
	 * or staff last replied publicly, whichever is later.
	 */
	public record WaitingOnUs(long ticketId, String subject, String clientName, Priority priority, String assigneeName,
			Instant since) {

		public Duration waiting(Instant now) {
			return Duration.between(this.since, now);
		}

	}

	/**
	 * A Pending ticket and when it will be solved automatically.
	 */
	public record SolvingSoon(long ticketId, String subject, String clientName, Instant pendingSince,
			Instant solvesAt) {

	}

	/**
	 * A missed SLA target.
	 */
	public record Breach(long ticketId, String subject, String clientName, SlaMetric metric, Instant breachedAt) {

	}

}
