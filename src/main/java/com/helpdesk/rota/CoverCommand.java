package com.helpdesk.rota;

import java.time.Instant;

/**
 * Someone covering part of a position's shifts.
 *
 * @param coveredPersonId whose shift is covered, where the position has several people on
 * at once; otherwise {@code null} (whoever holds it)
 */
public record CoverCommand(long positionId, Long personId, Long coveredPersonId, Instant start, Instant end,
		String reason) {

}
