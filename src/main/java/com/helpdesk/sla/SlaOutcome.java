package com.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A metric of a ticket as its history makes it: where it stands, when it is due, and the
 * steps that got it there.
 *
 * @param cycle 1, or for NEXT_REPLY the number of the requester comment being answered
 * @param target the target in force now (or when the metric ended)
 * @param targetTime the target as an amount of clock time (the end of the business day
 * resolved against the start)
 * @param dueAt when it is due; {@code null} while paused
 * @param atRiskAt when less than the at-risk share of the target is left; {@code null}
 * while paused or after it ended
 * @param used clock time counted so far
 * @param pausedFor wall-clock time spent paused
 */
public record SlaOutcome(SlaMetric metric, int cycle, SlaState state, SlaTarget target, Duration targetTime,
		Instant startedAt, Instant dueAt, Instant atRiskAt, Instant fulfilledAt, Instant breachedAt, Duration used,
		Duration pausedFor, List<SlaEvent> events) {

	public boolean isOpen() {
		return this.state == SlaState.ACTIVE || this.state == SlaState.PAUSED
				|| (this.state == SlaState.BREACHED && this.fulfilledAt == null);
	}

}
