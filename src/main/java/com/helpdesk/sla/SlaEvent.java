package com.helpdesk.sla;

import java.time.Instant;

/**
 * One step in the life of a metric, for the explanation on the ticket page.
 *
 * @param detail what changed, such as "PT4H → PT1H" for a new target, or the first day of
 * the week the work is {@link Kind#PLANNED} for (ISO-8601)
 */
public record SlaEvent(Instant at, Kind kind, String detail) {

	public enum Kind {

		STARTED, PAUSED, RESUMED, RETARGETED, FULFILLED, BREACHED,
		/** Paused (or kept paused) while the work is planned for a week. */
		PLANNED

	}

}
