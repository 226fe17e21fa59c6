package com.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One clock of a ticket, with what it takes to explain it: the target, time spent paused,
 * and the closed days its due time stepped over.
 *
 * @param closedDays holidays between the start and the due time (or now)
 */
public record SlaLine(SlaMetric metric, int cycle, SlaState state, SlaTarget target, Duration targetTime,
		Instant startedAt, Instant dueAt, Instant fulfilledAt, Instant breachedAt, boolean atRisk, Duration used,
		Duration pausedFor, List<SlaEvent> events, List<LocalDate> closedDays) {
}
