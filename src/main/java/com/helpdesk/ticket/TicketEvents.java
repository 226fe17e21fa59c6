package com.helpdesk.ticket;

/**
 * What the ticket module tells other modules, published inside the transaction of the
 * change (so a listener that writes, such as the mail outbox, commits or rolls back with
 * it).
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	public record TicketCreated(long ticketId, Long groupId, long requesterId) {
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
