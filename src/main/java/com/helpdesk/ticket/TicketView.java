package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as one person may see it: requesters get no internal notes and no internal
 * changes on the timeline.
 */
public record TicketView(long id, String subject, String description, String alreadyTried, RequestType type,
		TicketStatus status, Priority priority, long clientId, String clientName, String planName,
		boolean outOfHoursCritical, long requesterId, String requesterName, String requesterEmail, Long assigneeId,
		String assigneeName, String assigneeEmail, Long groupId, String groupName, List<String> tags,
		RequestDetails details, Instant createdAt, Instant updatedAt, Instant firstStaffReplyAt, Instant pendingSince,
		Instant solvedAt, long version, List<AttachmentInfo> requestAttachments, List<TimelineEntry> timeline) {

	public boolean staffHaveReplied() {
		return this.firstStaffReplyAt != null;
	}

}
