package com.helpdesk.rota;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A new rota: its pattern, where it is anchored, and who is on each position from the
 * start.
 */
public record RotaCommand(String name, RotaTemplate template, RotaDuty duty, String timeZone, LocalDate startsOn,
		LocalTime handoverTime, Long calendarId, Long groupId, boolean optIn, boolean swapApproval,
		List<PositionCommand> positions) {

	public RotaCommand {
		positions = (positions != null) ? List.copyOf(positions) : List.of();
	}

	/**
	 * One position and its people, in the order they take their turns.
	 */
	public record PositionCommand(String name, int stintWeeks, int everyWeeks, int offsetWeeks, List<Long> memberIds) {

		public PositionCommand {
			memberIds = (memberIds != null) ? List.copyOf(memberIds) : List.of();
		}

	}

}
