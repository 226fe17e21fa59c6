package com.helpdesk.sla;

import java.time.Instant;

import com.helpdesk.shared.Priority;

/**
 * The facts of a ticket that its clocks and the SLA reports need, as the ticket module
 * knows them now.
 *
 * @param type the request type, as its name
 */
public record SlaTicket(long ticketId, long clientId, Priority priority, String type, Long groupId, Long assigneeId,
		boolean solved, Instant createdAt) {
}
