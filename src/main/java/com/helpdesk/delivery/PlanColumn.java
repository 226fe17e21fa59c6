package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.util.List;

/**
 * One week or sprint on the plan board: its capacity, the work planned in it in order,
 * and how much room is left.
 *
 * @param used the estimates of the work planned in it, delivered or not
 * @param free plannable days less used; negative when over-committed
 */
public record PlanColumn(PlanningPeriod period, String name, String shortName, boolean current, PeriodCapacity capacity,
		BigDecimal used, BigDecimal free, List<WorkItem> items) {

	public boolean overCommitted() {
		return this.free.signum() < 0;
	}

	public BigDecimal overBy() {
		return this.free.negate();
	}

}
