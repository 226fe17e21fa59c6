package com.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

import com.helpdesk.shared.Priority;

/**
 * A ticket brought from another helpdesk with its history, so that its clocks and
 * timeline are as if it had lived here.
 *
 * @param priority the priority it was raised with (later changes are events)
 * @param assigneeEmail who holds it now, if anyone
 * @param groupId the group it is in now; {@code null} for the intake group
 */
public record ImportedTicket(RequestType type, String subject, String description, String alreadyTried,
		Priority priority, RequestDetails details, String requesterEmail, String assigneeEmail, Long groupId,
		List<String> tags, Instant createdAt, List<Event> events) {

	/**
	 * One thing that happened, in order.
	 *
	 * @param authorEmail who wrote a comment; for a requester reply, {@code null} means
	 * the requester
	 */
	public record Event(Instant at, Kind kind, String authorEmail, String body, TicketStatus status,
			Priority priority) {
	}

	public enum Kind {

		PUBLIC_REPLY, REQUESTER_REPLY, INTERNAL_NOTE, STATUS_CHANGE, PRIORITY_CHANGE

	}

}
