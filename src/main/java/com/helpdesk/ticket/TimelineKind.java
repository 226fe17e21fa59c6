package com.helpdesk.ticket;

/**
 * The kinds of entry on a ticket's timeline.
 */
public enum TimelineKind {

	CREATED(true), PUBLIC_REPLY(true), REQUESTER_REPLY(true), INTERNAL_NOTE(false), STATUS_CHANGED(true),
	PRIORITY_CHANGED(false), TYPE_CHANGED(false), GROUP_CHANGED(false), ASSIGNEE_CHANGED(false), TAGS_CHANGED(false),
	PENDING_REMINDER(true);

	private final boolean shownToRequester;

	TimelineKind(boolean shownToRequester) {
		this.shownToRequester = shownToRequester;
	}

	public boolean shownToRequester() {
		return this.shownToRequester;
	}

}
