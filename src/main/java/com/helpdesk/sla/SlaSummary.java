package com.helpdesk.sla;

import java.time.Instant;

/**
 * What a queue row shows of a ticket's clocks: the next due time, and whether something
 * has breached or is at risk.
 */
public record SlaSummary(long ticketId, Instant nextDueAt, SlaMetric nextMetric, Instant atRiskAt, boolean breached) {

	public boolean atRisk(Instant now) {
		return !this.breached && this.atRiskAt != null && !this.atRiskAt.isAfter(now);
	}

}
