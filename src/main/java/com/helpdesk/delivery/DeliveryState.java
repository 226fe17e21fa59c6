package com.helpdesk.delivery;

/**
 * Where a piece of in-depth work stands with its delivery manager.
 */
public enum DeliveryState {

	/** Waiting to be scoped and decided on. */
	INTAKE,
	/** Accepted and planned into a week or sprint. */
	SCHEDULED,
	/** Not taken on; the requester was told why. */
	DECLINED,
	/** A feature request, kept in the backlog. */
	BACKLOG,
	/** Done and closed with a note to the requester. */
	DELIVERED;

	public boolean isOpen() {
		return this == INTAKE || this == SCHEDULED;
	}

}
