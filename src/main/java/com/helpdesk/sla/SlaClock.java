package com.helpdesk.sla;

/**
 * Which minutes a target counts.
 */
public enum SlaClock {

	/** Only the open hours of the plan's business calendar. */
	BUSINESS,
	/** Every minute, 24/7. */
	ALWAYS

}
