package com.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * What a queue row shows of a ticket's clocks: the next due time, and whether something
 * has breached or is at risk.
 *
 * @param breachedMetric the metric of the earliest breach not yet made good, if any
 * @param breachedAt when that metric became late (its due time)
 */
public record SlaSummary(long ticketId, Instant nextDueAt, SlaMetric nextMetric, Instant atRiskAt, boolean breached,
		SlaMetric breachedMetric, Instant breachedAt) {

	public SlaSummary(long ticketId, Instant nextDueAt, SlaMetric nextMetric, Instant atRiskAt, boolean breached) {
		this(ticketId, nextDueAt, nextMetric, atRiskAt, breached, null, null);
	}

	public boolean atRisk(Instant now) {
		return !this.breached && this.atRiskAt != null && !this.atRiskAt.isAfter(now);
	}

	/**
	 * How long ago the breached metric fell due, or {@code null} when nothing is late.
	 */
	public Duration late(Instant now) {
		if (!this.breached || this.breachedAt == null) {
			return null;
		}
		Duration late = Duration.between(this.breachedAt, now);
		return late.isNegative() ? Duration.ZERO : late;
	}

}
