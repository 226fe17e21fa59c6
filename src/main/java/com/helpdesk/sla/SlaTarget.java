package com.helpdesk.sla;

import java.time.Duration;

import com.helpdesk.shared.Priority;

/**
 * A plan's promise for one priority and metric: within a duration, or by the end of the
 * business day.
 *
 * @param within {@code null} when {@code endOfBusinessDay}
 */
public record SlaTarget(Priority priority, SlaMetric metric, Duration within, boolean endOfBusinessDay,
		SlaClock clock) {

	public SlaTarget {
		if ((within == null) != endOfBusinessDay) {
			throw new IllegalArgumentException("A target is either a duration or the end of the business day");
		}
		if (within != null && (within.isNegative() || within.isZero())) {
			throw new IllegalArgumentException("A target must be longer than zero");
		}
	}

	/**
	 * The target as CONTRACT.md writes it: an ISO-8601 duration or END_OF_BUSINESS_DAY.
	 */
	public String withinText() {
		return this.endOfBusinessDay ? "END_OF_BUSINESS_DAY" : this.within.toString();
	}

}
