package com.helpdesk.rota.web;

import java.util.List;

import com.helpdesk.rota.web.TicketNumbers.Piece;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket numbers in a handover's text are picked out to link to their tickets; anything
 * else stays as it was written.
 */
class TicketNumbersTest {

	@Test
	void picksOutTicketNumbersAndKeepsTheRestAsWritten() {
		assertThat(TicketNumbers.linked("Tickets raised: 2\n  #12 Checkout down (Client A)\n  #7 Login\n"))
			.containsExactly(new Piece("Tickets raised: 2\n  ", null), new Piece("#12", 12L),
					new Piece(" Checkout down (Client A)\n  ", null), new Piece("#7", 7L), new Piece(" Login\n", null));
	}

	@Test
	void leavesAloneWhatIsNotATicketNumber() {
		assertThat(TicketNumbers.linked("issue#12, &#39;#x, C#1 and ##3a")).extracting(Piece::ticketId)
			.containsOnlyNulls();
		assertThat(TicketNumbers.linked("(#5)")).containsExactly(new Piece("(", null), new Piece("#5", 5L),
				new Piece(")", null));
		assertThat(TicketNumbers.linked(null)).isEqualTo(List.of());
	}

}
