package com.helpdesk.sla;

import java.time.Instant;

import com.helpdesk.shared.Priority;

/**
 * Something that happened to a ticket that SLA clocks care about. The ticket module tells
 * these as they happen (and an import tells them after the fact); the clocks are replayed
 * from them.
 *
 * @param priority the priority for {@link Kind#CREATED} and {@link Kind#PRIORITY_CHANGED}
 */
public record SlaInput(Instant at, Kind kind, Priority priority) {

	public enum Kind {

		/** The ticket was raised (status New). */
		CREATED,
		/** Staff replied publicly. */
		STAFF_REPLY,
		/** The requester (or a colleague) commented. */
		REQUESTER_REPLY,
		/** The ticket now waits on the requester (Pending). */
		WAITING_ON_REQUESTER,
		/** The ticket now waits on us (New or Open), also when it is reopened. */
		WAITING_ON_US,
		/** The ticket was solved. */
		SOLVED,
		/** Its priority changed. */
		PRIORITY_CHANGED

	}

	public static SlaInput of(Instant at, Kind kind) {
		return new SlaInput(at, kind, null);
	}

}
