package com.helpdesk.ticket;

/**
 * How urgent a ticket is.
 */
public enum Priority {

	CRITICAL, HIGH, NORMAL, LOW

}
