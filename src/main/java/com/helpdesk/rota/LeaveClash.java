package com.helpdesk.rota;

import java.time.Instant;

/**
 * A shift whose holder is away for part or all of it, with the fairest person to cover.
 *
 * @param start the start of the time away within the shift
 * @param end the end of the time away within the shift
 * @param suggestedId who has worked fewest shift hours lately among those free to cover,
 * or {@code null} when nobody is
 */
public record LeaveClash(ShiftView shift, Instant start, Instant end, Long suggestedId, String suggestedName,
		long suggestedRecentHours) {

}
