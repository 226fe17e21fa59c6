package com.helpdesk.rota;

import java.time.Instant;

/**
 * An override: {@code personId} covers a period of a shift of the position: of whoever
 * holds it, or, where several people are on at once, of {@code coveredPersonId}.
 */
public record Cover(long id, long positionId, long personId, Long coveredPersonId, Instant start, Instant end,
		String reason) {

	public boolean overlaps(Instant from, Instant to) {
		return this.start.isBefore(to) && from.isBefore(this.end);
	}

}
