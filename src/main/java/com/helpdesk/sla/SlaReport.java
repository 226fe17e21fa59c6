package com.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.helpdesk.shared.Priority;

/**
 * The manager's SLA dashboard for a period and filters.
 */
public record SlaReport(Filter filter, List<MetricTotal> totals, List<Week> weeks, List<BreachRow> breaches,
		List<RiskRow> atRisk) {

	/**
	 * What the dashboard is narrowed to; {@code null} fields do not filter.
	 */
	public record Filter(LocalDate from, LocalDate to, Long clientId, Long planId, Priority priority, Long groupId,
			String type) {
	}

	/**
	 * Met and breached counts of one metric in the period.
	 */
	public record MetricTotal(SlaMetric metric, long met, long breached) {

		public long total() {
			return this.met + this.breached;
		}

		/** Percentage met, or {@code null} with nothing measured. */
		public Double achievement() {
			return (total() == 0) ? null : 100.0 * this.met / total();
		}

	}

	/**
	 * One week's counts per metric (weeks start on Monday in the viewer's zone).
	 */
	public record Week(LocalDate start, List<MetricTotal> metrics) {

		public MetricTotal of(SlaMetric metric) {
			return this.metrics.stream()
				.filter((m) -> m.metric() == metric)
				.findFirst()
				.orElse(new MetricTotal(metric, 0, 0));
		}

	}

	/**
	 * A breach in the period: how late, and who held the ticket when it happened.
	 *
	 * @param late how long after the due time it was met, or until now if not yet
	 */
	public record BreachRow(long ticketId, String subject, String client, SlaMetric metric, Instant breachedAt,
			Instant fulfilledAt, Duration late, String heldBy, String group) {
	}

	/**
	 * A running metric with less than the at-risk share left.
	 */
	public record RiskRow(long ticketId, String subject, String client, SlaMetric metric, Instant dueAt,
			String assignee, String group) {
	}

}
