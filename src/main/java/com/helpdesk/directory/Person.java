package com.helpdesk.directory;

import java.io.Serializable;
import java.time.ZoneId;

/**
 * Someone who uses the helpdesk, as other modules see them.
 *
 * Kept in the signed-in person's session, which lives in the database.
 *
 * @param clientId the requester's client; {@code null} for staff
 */
public record Person(long id, String email, String name, Role role, Long clientId,
		String timeZone) implements Serializable {

	public boolean isStaff() {
		return this.role.isStaff();
	}

	public boolean isRequester() {
		return this.role == Role.REQUESTER;
	}

	public ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

}
