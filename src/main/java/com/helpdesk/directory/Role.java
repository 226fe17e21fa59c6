package com.helpdesk.directory;

/**
 * What a person may do. Requesters belong to a client; everyone else is staff.
 */
public enum Role {

	REQUESTER, AGENT, DELIVERY_MANAGER, MANAGER, ADMIN;

	public boolean isStaff() {
		return this != REQUESTER;
	}

}
