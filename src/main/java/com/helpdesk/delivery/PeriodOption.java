package com.helpdesk.delivery;

import java.math.BigDecimal;

/**
 * A week or sprint work could be planned into, with the room it has.
 */
public record PeriodOption(PlanningPeriod period, String name, BigDecimal plannable, BigDecimal free) {

	public boolean hasRoomFor(BigDecimal estimate) {
		return estimate != null && estimate.compareTo(this.free) <= 0;
	}

}
