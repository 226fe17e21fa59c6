package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A handover that is due or done: the morning one from on call to the day team, or the
 * evening one from the day team to on call.
 *
 * @param id {@code null} while not written
 * @param from who should write it (the people going off duty)
 * @param to who should read and acknowledge it (the people coming on)
 * @param writerId who wrote it, {@code null} while not written
 */
public record Handover(Long id, long rotaId, String rotaName, Kind kind, LocalDate businessDate, Instant dueAt,
		Instant periodFrom, Instant periodTo, String from, String to, String summary, String notes, String writtenBy,
		Instant writtenAt, String acknowledgedBy, Instant acknowledgedAt, Status status, Long writerId) {

	/**
	 * Whether this person may acknowledge it: it is written, not yet acknowledged, and
	 * they did not write it.
	 */
	public boolean acknowledgeableBy(long personId) {
		return this.id != null && this.acknowledgedAt == null && this.writerId != null && this.writerId != personId;
	}

	public enum Kind {

		/** On call hands over to the day team when the calendar opens. */
		MORNING,

		/** The day team hands over to on call before the calendar closes. */
		EVENING

	}

	public enum Status {

		/** Not due yet. */
		UPCOMING,

		/** Due now: write it. */
		DUE,

		/** Due more than an hour ago and nobody wrote it. */
		MISSING,

		/** Written; the people coming on have not acknowledged it. */
		UNACKNOWLEDGED,

		/** Written and acknowledged. */
		ACKNOWLEDGED;

		public boolean needsAttention() {
			return this == DUE || this == MISSING || this == UNACKNOWLEDGED;
		}

	}

}
