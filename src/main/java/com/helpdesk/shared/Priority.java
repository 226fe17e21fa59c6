package com.helpdesk.shared;

/**
 * How urgent a ticket is; SLA targets are set per priority.
 */
public enum Priority {

	CRITICAL, HIGH, NORMAL, LOW

}
