package com.helpdesk.rota;

import java.time.LocalDate;
import java.util.List;

/**
 * The order in which a position's people take their turns, from a date: the first person
 * listed takes the first stint that starts on or after {@code effectiveFrom}, the next
 * person the stint after, and so round again.
 */
public record Roster(LocalDate effectiveFrom, List<Long> memberIds) {

	public Roster {
		memberIds = List.copyOf(memberIds);
	}

}
