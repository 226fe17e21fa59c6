package com.helpdesk.review;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;

/**
 * What review tests keep doing: moving the clock to a wall-clock time of the team's
 * calendar, and raising and answering tickets then. Review tests run in 2025, before the
 * tickets of every other test, so that the reviews' time-bound lists hold only theirs and
 * their New tickets come first.
 */
public class ReviewFixture {

	private final TeamCalendar team;

	private final TicketService tickets;

	private final TicketQueries queries;

	private final TestData data;

	private final MovableClock clock;

	public ReviewFixture(TeamCalendar team, TicketService tickets, TicketQueries queries, TestData data,
			MovableClock clock) {
		this.team = team;
		this.tickets = tickets;
		this.queries = queries;
		this.data = data;
		this.clock = clock;
	}

	public ZoneId zone() {
		return this.team.get().zone();
	}

	/**
	 * A wall-clock time of the team's calendar, such as {@code 2025-02-10T09:00}.
	 */
	public Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(zone()).toInstant();
	}

	/**
	 * Moves the clock to that wall-clock time of the team.
	 */
	public void now(String localDateTime) {
		this.clock.set(at(localDateTime));
	}

	/**
	 * A question raised now by a requester of a new client.
	 */
	public long raise(String subject) {
		return raise(this.data.requester(this.data.client()), subject);
	}

	public long raise(Person requester, String subject) {
		return this.tickets.create(requester, TestData.question(TestData.unique(subject)), List.of());
	}

	/**
	 * A public reply from staff now, leaving the ticket in {@code status}.
	 */
	public void answer(Person agent, long ticketId, TicketStatus status) {
		this.tickets.reply(agent, ticketId, null, "We are on it", status, List.of());
	}

	public TicketView ticket(Person viewer, long ticketId) {
		return this.queries.ticket(viewer, ticketId);
	}

}
