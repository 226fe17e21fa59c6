package com.helpdesk.review;

import com.helpdesk.shared.ConflictException;

/**
 * Someone else set, changed or closed the ticket's follow-up since the person read it
 * (409). Pages show what it is now and keep what the person typed.
 */
public class StaleFollowUpException extends ConflictException {

	private final long ticketId;

	public StaleFollowUpException(long ticketId) {
		super("review.followUp.stale", ticketId);
		this.ticketId = ticketId;
	}

	public long ticketId() {
		return this.ticketId;
	}

}
