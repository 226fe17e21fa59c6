package com.helpdesk.ticket;

import java.util.List;

import com.helpdesk.directory.Person;

/**
 * What other modules know about a ticket that its page should show, such as the week
 * in-depth work is planned for. Implemented by those modules, so the ticket module needs
 * to know nothing of them.
 */
public interface TicketFacts {

	/**
	 * The facts a person may see about a ticket they may see, in the order to show them.
	 */
	List<Fact> about(long ticketId, Person viewer);

	/**
	 * One labelled line, already in words.
	 *
	 * @param id a stable name for the line (an HTML id)
	 */
	record Fact(String id, String label, String value) {
	}

}
