package com.helpdesk.sla;

import java.time.Instant;

/**
 * One step in the life of a metric, for the explanation on the ticket page.
 *
 * @param detail what changed, such as "PT4H → PT1H" for a new target
 */
public record SlaEvent(Instant at, Kind kind, String detail) {

	public enum Kind {

		STARTED, PAUSED, RESUMED, RETARGETED, FULFILLED, BREACHED

	}

}
