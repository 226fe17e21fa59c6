package com.helpdesk.notification;

import java.time.Instant;

/**
 * Something a person was told in the app.
 */
public record InboxItem(long id, Instant at, Long ticketId, String kind, String text, Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
