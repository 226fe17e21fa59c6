package com.helpdesk.delivery;

import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator sets for a delivery team.
 *
 * @param periodWeeks 1 for weeks, 2 for two-week sprints
 * @param periodsStartOn the first day of any period, so the weekday periods start on
 */
public record TeamCommand(String name, Long calendarId, Long intakeGroupId, Long deliveryManagerId,
		Integer reservePercent, Integer periodWeeks, LocalDate periodsStartOn, boolean defaultTeam,
		List<Long> memberIds, List<Long> rotaIds) {

}
