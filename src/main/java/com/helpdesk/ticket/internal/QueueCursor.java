package com.helpdesk.ticket.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import com.helpdesk.shared.InvalidInputException;

/**
 * Where the next page of a list starts: the sort key and id of the last row shown. Keyset
 * pagination needs no OFFSET, so the thousandth page costs what the first does.
 */
record QueueCursor(QueueOrder order, long micros, long id) {

	enum QueueOrder {

		/** Most recently updated first. */
		UPDATED_DESC,
		/** Oldest first, for work to acknowledge in arrival order. */
		CREATED_ASC,
		/** What is due soonest first. */
		DUE_ASC,
		/**
		 * New tickets by their first reply's due time; those without a first-reply target
		 * follow, oldest first ({@link #CREATED_ASC}).
		 */
		FIRST_REPLY_DUE_ASC

	}

	static QueueCursor after(QueueOrder order, Instant updatedAt, long id) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
		return new QueueCursor(order, micros, id);
	}

	Instant instant() {
		return Instant.EPOCH.plus(this.micros, ChronoUnit.MICROS);
	}

	String encode() {
		String raw = this.order.ordinal() + ":" + this.micros + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The cursor a client sent back, checked to belong to a list in one of the
	 * {@code expected} orders.
	 */
	static QueueCursor decode(String encoded, QueueOrder... expected) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
			String[] parts = raw.split(":");
			if (parts.length != 3) {
				throw new IllegalArgumentException(raw);
			}
			QueueOrder order = QueueOrder.values()[Integer.parseInt(parts[0])];
			if (!java.util.Arrays.asList(expected).contains(order)) {
				throw new IllegalArgumentException(raw);
			}
			return new QueueCursor(order, Long.parseLong(parts[1]), Long.parseLong(parts[2]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
			throw new InvalidInputException("cursor", "cursor.invalid");
		}
	}

}
