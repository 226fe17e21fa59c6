package com.helpdesk.ticket;

import java.time.Instant;

import com.helpdesk.shared.Priority;

/**
 * A ticket in one line, for handovers and reports.
 */
public record TicketBrief(long id, String subject, TicketStatus status, Priority priority, RequestType type,
		Instant createdAt, String clientName) {

	public boolean isUrgent() {
		return this.priority == Priority.CRITICAL || this.type == RequestType.INCIDENT;
	}

}
