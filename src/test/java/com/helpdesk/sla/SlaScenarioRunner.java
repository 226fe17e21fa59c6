package com.helpdesk.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.sla.SlaScenario.AutoSolve;
import com.helpdesk.sla.SlaScenario.ChangeTargets;
import com.helpdesk.sla.SlaScenario.InternalNote;
import com.helpdesk.sla.SlaScenario.Clock;
import com.helpdesk.sla.SlaScenario.MoveClient;
import com.helpdesk.sla.SlaScenario.Raise;
import com.helpdesk.sla.SlaScenario.RequesterReply;
import com.helpdesk.sla.SlaScenario.SetOpen;
import com.helpdesk.sla.SlaScenario.SolveByRequester;
import com.helpdesk.sla.SlaScenario.StaffReply;
import com.helpdesk.sla.SlaScenario.Step;
import com.helpdesk.sla.SlaScenario.TriagePriority;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lives a scenario through the real services: the clock is set to each step's time, the
 * step is done as the requester or an agent would do it, and the clocks are read at the
 * check time.
 */
final class SlaScenarioRunner {

	private final TicketService tickets;

	private final TicketQueries queries;

	private final SlaService sla;

	private final SlaFixture fixture;

	private final TestData data;

	private final MovableClock clock;

	private final JdbcClient jdbc;

	SlaScenarioRunner(TicketService tickets, TicketQueries queries, SlaService sla, SlaFixture fixture, TestData data,
			MovableClock clock, JdbcClient jdbc) {
		this.tickets = tickets;
		this.queries = queries;
		this.sla = sla;
		this.fixture = fixture;
		this.data = data;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Who lived the scenario, and the ticket. */
	record Lived(long ticketId, long clientId, long planId, Person requester, Person agent) {
	}

	/**
	 * A client on the scenario's plan, with a requester and an agent.
	 */
	Lived cast(SlaScenario scenario) {
		long plan = this.fixture.plan(scenario.plan);
		long client = this.fixture.client(plan);
		return new Lived(0, client, plan, this.data.requester(client), this.data.agent());
	}

	/**
	 * How long before its minute a step is done. The movable clock keeps ticking after it
	 * is set, so a step "at 10:00" really happens a little after the moment set; were
	 * that after 10:00:00, a target ending exactly at closing time would spill its last
	 * milliseconds into the next business day (10:00:00.005 + 8h of business time is
	 * 10:00:00.005 the next morning). Done a few seconds early, it counts from the
	 * opening (or ends a few seconds before the hand-worked time), and times are compared
	 * to the nearest minute.
	 */
	static final Duration LEAD = Duration.ofSeconds(10);

	/**
	 * Lives the scenario's steps (the clock is left at the last step).
	 */
	Lived live(SlaScenario scenario) {
		Lived cast = cast(scenario);
		long ticket = 0;
		for (Step step : scenario.steps) {
			this.clock.set(step.at().minus(LEAD));
			ticket = act(scenario, cast, ticket, step);
		}
		return new Lived(ticket, cast.clientId(), cast.planId(), cast.requester(), cast.agent());
	}

	private long act(SlaScenario scenario, Lived who, long ticket, Step step) {
		SlaScenario.Action action = step.action();
		if (action instanceof Raise raise) {
			return this.tickets.create(who.requester(),
					new NewTicket(RequestType.QUESTION, scenario.name, "Scenario: " + scenario.name,
							"Read the documentation", raise.priority(), RequestDetails.none(), null),
					List.of());
		}
		if (action instanceof StaffReply reply) {
			this.tickets.reply(who.agent(), ticket, null, "Staff reply at " + step.local(), reply.status(), List.of());
		}
		else if (action instanceof RequesterReply) {
			this.tickets.reply(who.requester(), ticket, null, "Requester comment at " + step.local(), null, List.of());
		}
		else if (action instanceof InternalNote) {
			this.tickets.addNote(who.agent(), ticket, "Internal note at " + step.local(), List.of());
		}
		else if (action instanceof SolveByRequester) {
			this.tickets.solveByRequester(who.requester(), ticket);
		}
		else if (action instanceof TriagePriority change) {
			this.tickets.triage(who.agent(), ticket, version(who, ticket),
					new TriageChange(null, change.priority(), null, null, false, null, false, null, null));
		}
		else if (action instanceof SetOpen) {
			this.tickets.triage(who.agent(), ticket, version(who, ticket),
					new TriageChange(null, null, null, null, false, null, false, TicketStatus.OPEN, null));
		}
		else if (action instanceof MoveClient move) {
			this.fixture.moveClient(who.clientId(), this.fixture.plan(move.plan()));
			this.sla.recompute(ticket);
		}
		else if (action instanceof ChangeTargets change) {
			this.fixture.changePlan(who.planId(),
					change.sydneyCalendar() ? this.fixture.sydneyCalendar() : this.fixture.londonCalendar(),
					change.targets());
			this.sla.recompute(ticket);
		}
		else if (action instanceof SlaScenario.PlanWork plan) {
			// what delivery planning tells the clocks when it schedules or moves the work
			this.sla.planned(ticket, plan.week());
		}
		else if (action instanceof SlaScenario.UnplanWork) {
			this.sla.unplanned(ticket);
		}
		else if (action instanceof AutoSolve) {
			if (!this.tickets.autoSolveIfDue(ticket)) {
				throw new IllegalStateException("the ticket was not due to be solved automatically");
			}
		}
		return ticket;
	}

	private long version(Lived who, long ticket) {
		return this.queries.ticket(who.agent(), ticket).version();
	}

	/**
	 * The ticket's clocks as {@link SlaService#clocks} tells them at the clock's time.
	 */
	List<Clock> clocks(long ticketId, SlaScenario scenario) {
		return this.sla.clocks(ticketId)
			.stream()
			.map((l) -> Clock.of(l.metric(), l.cycle(), l.state(), l.dueAt(), l.fulfilledAt(), l.breachedAt(),
					scenario.zone))
			.sorted(Clock.ORDER)
			.toList();
	}

	/**
	 * The ticket's clocks as stored in {@code sla_metric}.
	 */
	List<Clock> stored(long ticketId, SlaScenario scenario) {
		return this.jdbc.sql("""
				select metric, cycle, state, due_at, fulfilled_at, breached_at from sla_metric where ticket_id = ?
				""")
			.param(ticketId)
			.query((rs, n) -> Clock.of(SlaMetric.valueOf(rs.getString(1)), rs.getInt(2),
					SlaState.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
					instant(rs.getTimestamp(6)), scenario.zone))
			.list()
			.stream()
			.sorted(Clock.ORDER)
			.toList();
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
