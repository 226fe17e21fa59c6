package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.util.List;

/**
 * How many days of planned work a team has in one period, and why.
 *
 * @param workingDays the team's open days times its people, before anything is taken off
 * @param dutyDays days people spend on rota duties (first-line support, on call)
 * @param leaveDays days people are on leave (not counting days already on duty)
 * @param availableDays what is left for work
 * @param reserveDays the share of it kept for unplanned support
 * @param plannableDays what can be scheduled: available less the reserve
 */
public record PeriodCapacity(PlanningPeriod period, int reservePercent, List<PersonCapacity> people,
		BigDecimal workingDays, BigDecimal dutyDays, BigDecimal leaveDays, BigDecimal availableDays,
		BigDecimal reserveDays, BigDecimal plannableDays) {

	/**
	 * One person's days in the period.
	 *
	 * @param duties the rotas that take them off, by name
	 * @param leave the notes of their leave, if any
	 */
	public record PersonCapacity(long personId, BigDecimal workingDays, BigDecimal dutyDays, BigDecimal leaveDays,
			BigDecimal availableDays, List<String> duties, List<String> leave) {

	}

}
