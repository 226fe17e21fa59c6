package com.helpdesk.sla;

/**
 * What the SLA sweep tells other modules, once per metric.
 */
public final class SlaNotices {

	private SlaNotices() {
	}

	/**
	 * A metric breached; {@code assigneeId} and {@code groupId} held the ticket then.
	 */
	public record SlaBreached(long ticketId, SlaMetric metric, Long assigneeId, Long groupId) {
	}

	/**
	 * Less than the at-risk share of a metric's target is left.
	 */
	public record SlaAtRisk(long ticketId, SlaMetric metric, Long assigneeId, Long groupId) {
	}

}
