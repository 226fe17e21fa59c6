package com.helpdesk.ticket;

import com.helpdesk.shared.ConflictException;

/**
 * Someone else changed the ticket since the person read it (409). Pages show what changed
 * and keep what the person typed.
 */
public class StaleTicketException extends ConflictException {

	private final long ticketId;

	private final long readVersion;

	public StaleTicketException(long ticketId, long readVersion) {
		super("conflict.ticket", ticketId);
		this.ticketId = ticketId;
		this.readVersion = readVersion;
	}

	public long ticketId() {
		return this.ticketId;
	}

	public long readVersion() {
		return this.readVersion;
	}

}
