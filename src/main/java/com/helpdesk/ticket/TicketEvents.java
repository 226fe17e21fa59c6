package com.helpdesk.ticket;

import java.time.Instant;

import com.helpdesk.shared.Priority;

/**
 * What the ticket module tells other modules, published inside the transaction of the
 * change (so a listener that writes, such as the mail outbox, commits or rolls back with
 * it).
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	/**
	 * A new ticket, with what routing needs to know of it.
	 */
	public record TicketCreated(long ticketId, Long groupId, long requesterId, long clientId, RequestType type,
			Priority priority, Instant createdAt) {
	}

	/**
	 * The helpdesk itself gave a ticket to someone: on call out of hours, or the next
	 * first-line person on shift.
	 */
	public record TicketRouted(long ticketId, long assigneeId, String reason) {
	}

	/**
	 * A public comment: from staff ({@code byStaff}) or from the requester's side.
	 */
	public record PublicReplyAdded(long ticketId, long commentId, Long authorId, boolean byStaff,
			TicketStatus statusAfter, String body) {
	}

	/**
	 * A status change not already told as part of a reply.
	 */
	public record StatusChanged(long ticketId, TicketStatus from, TicketStatus to, Long actorId, boolean automatic) {
	}

	/**
	 * A PENDING ticket has had no activity for a while; the requester is reminded.
	 */
	public record PendingReminderDue(long ticketId) {
	}

}
