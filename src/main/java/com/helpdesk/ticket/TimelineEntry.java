package com.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One thing that happened to a ticket: a reply, a note or a change.
 *
 * @param actorName {@code null} when the helpdesk itself did it
 */
public record TimelineEntry(long id, Instant at, TimelineKind kind, Long actorId, String actorName,
		boolean actorIsStaff, String from, String to, String detail, Long commentId, String body,
		List<AttachmentInfo> attachments, long ticketVersion) {

	public boolean isComment() {
		return this.body != null;
	}

	public boolean isInternal() {
		return this.kind == TimelineKind.INTERNAL_NOTE;
	}

}
