package com.helpdesk.rota;

/**
 * What a rota's people are there for, and so which hours of the team's calendar a shift
 * covers.
 */
public enum RotaDuty {

	/** In hours: triage, tickets and alerts while the calendar is open. */
	FIRST_LINE,

	/**
	 * Out of hours: critical alerts and emergency tickets while the calendar is closed.
	 */
	ON_CALL;

	/**
	 * Whether someone on this duty is working at a moment the calendar is (or is not)
	 * open.
	 */
	public boolean covers(boolean calendarOpen) {
		return (this == FIRST_LINE) == calendarOpen;
	}

}
