package com.helpdesk.delivery;

import java.time.Instant;

/**
 * A stretch of time when a team member is not free for planned work: on a rota's duty or
 * on leave.
 *
 * @param what the rota's name, or the leave's note, for people to read
 */
public record Away(Instant start, Instant end, Reason reason, String what) {

	public enum Reason {

		DUTY, LEAVE

	}

	public Away {
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("Away ends after it starts");
		}
	}

}
