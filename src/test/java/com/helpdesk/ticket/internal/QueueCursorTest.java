package com.helpdesk.ticket.internal;

import java.time.Instant;

import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.ticket.internal.QueueCursor.QueueOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueCursorTest {

	@Test
	void aCursorComesBackAsItWentOutToTheMicrosecond() {
		Instant at = Instant.parse("2026-11-24T10:15:30.123456Z");
		QueueCursor cursor = QueueCursor.after(QueueOrder.UPDATED_DESC, at, 42);
		QueueCursor back = QueueCursor.decode(cursor.encode(), QueueOrder.UPDATED_DESC);
		assertThat(back.instant()).isEqualTo(at);
		assertThat(back.id()).isEqualTo(42);
		assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void aCursorOfAnotherOrderOrGarbageIsRefused() {
		String cursor = QueueCursor.after(QueueOrder.CREATED_ASC, Instant.EPOCH, 1).encode();
		assertThatThrownBy(() -> QueueCursor.decode(cursor, QueueOrder.UPDATED_DESC))
			.isInstanceOf(InvalidInputException.class);
		for (String garbage : new String[] { "", "%%%", "MTox", "OTk6MTox", "MDphOmI" }) {
			assertThatThrownBy(() -> QueueCursor.decode(garbage, QueueOrder.UPDATED_DESC))
				.isInstanceOf(InvalidInputException.class);
		}
	}

}
