package com.helpdesk.ticket;

/**
 * Where a ticket stands, in the meaning the support team uses.
 */
public enum TicketStatus {

	/** We have not responded yet; respond before the end of the working day. */
	NEW,
	/** Waiting on us. */
	OPEN,
	/** Waiting on the requester; solved automatically after days without activity. */
	PENDING,
	/** We expect no response. */
	SOLVED;

	public boolean isUnsolved() {
		return this != SOLVED;
	}

}
