package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.time.Instant;

/**
 * A ticket as a queue or list row shows it.
 */
public record TicketRow(long id, String subject, RequestType type, TicketStatus status, Priority priority,
		long clientId, String clientName, String requesterName, String requesterEmail, String assigneeName,
		String assigneeEmail, Long groupId, String groupName, Instant createdAt, Instant updatedAt, long version) {
}
