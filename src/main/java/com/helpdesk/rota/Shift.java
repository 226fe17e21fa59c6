package com.helpdesk.rota;

import java.time.Instant;

/**
 * One person's turn in one position of a rota: from its start (inclusive) to its end
 * (exclusive).
 *
 * @param stint which turn of the position this is, counted from the rota's start
 * @param personId who holds it, after overrides and swaps
 * @param scheduledPersonId who the pattern gave it to
 */
public record Shift(long rotaId, long positionId, String positionName, int stint, long personId, long scheduledPersonId,
		Instant start, Instant end) {

	public boolean contains(Instant instant) {
		return !instant.isBefore(this.start) && instant.isBefore(this.end);
	}

	public boolean isChanged() {
		return this.personId != this.scheduledPersonId;
	}

}
