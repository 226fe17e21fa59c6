package com.helpdesk.notification;

import java.util.List;

/**
 * Notices shown as one entry: all those of one ticket, or a notice about no ticket on its
 * own.
 *
 * @param ticketId {@code null} for a notice about no ticket (a shift swap, say)
 * @param latestId the newest notice's id: the list pages back from it
 * @param count how many notices there are, of which {@code items} are the newest
 * @param unread whether any of them is unread
 * @param items the newest first
 */
public record InboxGroup(Long ticketId, long latestId, int count, boolean unread, List<InboxItem> items) {

	public InboxItem latest() {
		return this.items.get(0);
	}

	/** The notices before the latest, of those shown. */
	public List<InboxItem> earlier() {
		return this.items.subList(1, this.items.size());
	}

}
