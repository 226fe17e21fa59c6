package com.helpdesk.sla;

/**
 * Where a metric stands.
 */
public enum SlaState {

	ACTIVE, PAUSED, FULFILLED, BREACHED

}
