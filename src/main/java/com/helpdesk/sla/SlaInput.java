package com.helpdesk.sla;

import java.time.Instant;
import java.time.LocalDate;

import com.helpdesk.shared.Priority;

/**
 * Something that happened to a ticket that SLA clocks care about. The ticket module tells
 * these as they happen (and an import tells them after the fact), delivery planning tells
 * when work is planned into a week and taken off the plan; the clocks are replayed from
 * them.
 *
 * @param priority the priority for {@link Kind#CREATED} and {@link Kind#PRIORITY_CHANGED}
 * @param plannedFor the first day of the week or sprint for {@link Kind#PLANNED}
 */
public record SlaInput(Instant at, Kind kind, Priority priority, LocalDate plannedFor) {

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
		PRIORITY_CHANGED,
		/**
		 * Its work is on the delivery plan for a week or sprint (or moved to another).
		 */
		PLANNED,
		/**
		 * Its work was taken off the delivery plan (declined, to the backlog, unplanned).
		 */
		UNPLANNED

	}

	public SlaInput(Instant at, Kind kind, Priority priority) {
		this(at, kind, priority, null);
	}

	public static SlaInput of(Instant at, Kind kind) {
		return new SlaInput(at, kind, null, null);
	}

	public static SlaInput planned(Instant at, LocalDate periodStart) {
		return new SlaInput(at, Kind.PLANNED, null, periodStart);
	}

}
