package com.helpdesk.ticket;

import java.util.List;

/**
 * One page of tickets and the cursor of the next, if there is one.
 */
public record TicketPage(List<TicketRow> rows, String nextCursor) {

	public boolean hasNext() {
		return this.nextCursor != null;
	}

}
