package com.helpdesk.ticket;

/**
 * The few facts about a ticket that notifications and other modules need.
 */
public record TicketSummary(long id, String subject, TicketStatus status, long clientId, long requesterId,
		Long assigneeId, Long groupId) {
}
