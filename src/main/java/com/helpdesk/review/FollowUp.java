package com.helpdesk.review;

import java.time.Instant;
import java.time.LocalDate;

import com.helpdesk.ticket.TicketStatus;

/**
 * What the team will do next on a ticket, and by when: the team's follow-up on tickets
 * given to specialists, and the weekly review's next action.
 *
 * @param dueOn the team day it is due
 * @param specialistId the named specialist the ticket was given to, if any
 * @param doneBy who marked it done; {@code null} while open
 */
public record FollowUp(long id, long ticketId, String ticketSubject, TicketStatus ticketStatus, String nextAction,
		LocalDate dueOn, Long specialistId, String specialistName, String setBy, Instant setAt, String doneBy,
		Instant doneAt, long version) {

	public boolean isDone() {
		return this.doneAt != null;
	}

	/**
	 * Due on a day before {@code today} and not done.
	 */
	public boolean isOverdue(LocalDate today) {
		return !isDone() && this.dueOn.isBefore(today);
	}

}
