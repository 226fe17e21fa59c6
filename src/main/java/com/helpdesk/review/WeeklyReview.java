package com.helpdesk.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.shared.Priority;
import com.helpdesk.ticket.TicketStatus;

/**
 * What the team goes through at the start of the week: every ticket unresolved for more
 * than a week, grouped by client and by group.
 *
 * @param weekOf the Monday of the team's week
 * @param byClient sections by client name
 * @param byGroup sections by group name, tickets in no group last
 * @param shown how many tickets the sections hold in all
 * @param more how many more unresolved tickets there are beyond those shown
 */
public record WeeklyReview(LocalDate weekOf, String calendarName, ZoneId zone, Instant now, List<Section> byClient,
		List<Section> byGroup, int shown, long more, ReviewDone done, List<ReviewDone> recent) {

	/**
	 * The tickets of one client or one group, oldest first.
	 *
	 * @param name {@code null} for tickets in no group
	 */
	public record Section(String name, List<Unresolved> tickets) {

	}

	/**
	 * A ticket not solved, with its open follow-up if it has one.
	 *
	 * @param lastActivityAt when anything last changed on the ticket
	 */
	public record Unresolved(long ticketId, String subject, TicketStatus status, Priority priority, String clientName,
			String groupName, String assigneeName, Instant createdAt, Instant lastActivityAt, FollowUp followUp) {

		public Duration age(Instant now) {
			return Duration.between(this.createdAt, now);
		}

	}

}
