package com.helpdesk.ticket;

/**
 * What kind of help is asked for; each type has its own form fields.
 */
public enum RequestType {

	BUG, DEPLOYMENT, DEVELOPMENT_SUPPORT, QUESTION, INCIDENT, ACCESS;

	/**
	 * Whether "what have you already tried" must be answered. An incident is reported as
	 * it happens, so it is asked but not required.
	 */
	public boolean requiresAlreadyTried() {
		return this != INCIDENT;
	}

	/**
	 * Whether the request goes to a delivery manager first, to be scoped and scheduled,
	 * rather than to first-line support.
	 */
	public boolean isInDepthWork() {
		return this == DEPLOYMENT || this == DEVELOPMENT_SUPPORT;
	}

}
