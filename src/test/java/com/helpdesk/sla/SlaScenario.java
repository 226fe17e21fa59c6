package com.helpdesk.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaFixture.Plan;
import com.helpdesk.ticket.TicketStatus;

/**
 * One SLA scenario: a ticket's life as steps at local times (in the zone of the client's
 * plan), the moment to look, and the clocks expected then, worked out by hand.
 * <p>
 * Written as
 * {@code scenario("name").at("2026-11-24T10:00", raise(HIGH)).at("...", staffReply(PENDING))
 * .check("...").fulfilled(FIRST_REPLY, due, fulfilledAt).active(RESOLUTION, due)}. Times
 * are local date-times, or carry an offset where the local time is ambiguous (the hour
 * that happens twice when clocks go back). The expected clocks are the whole list: a
 * metric not listed must not be there.
 */
final class SlaScenario {

	final String name;

	final ZoneId zone;

	final Plan plan;

	final List<Step> steps;

	final Instant checkAt;

	final List<Expected> expected;

	private SlaScenario(Builder builder) {
		this.name = builder.name;
		this.zone = builder.zone;
		this.plan = builder.plan;
		this.steps = List.copyOf(builder.steps);
		this.checkAt = builder.checkAt;
		this.expected = List.copyOf(builder.expected);
	}

	static Builder scenario(String name) {
		return new Builder(name);
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * Whether an import can tell this history (no plan or target changes, no automatic
	 * solving, no delivery planning).
	 */
	boolean importable() {
		return this.plan != Plan.OWN && this.steps.stream()
			.allMatch((s) -> !(s.action() instanceof MoveClient || s.action() instanceof ChangeTargets
					|| s.action() instanceof AutoSolve || s.action() instanceof PlanWork
					|| s.action() instanceof UnplanWork));
	}

	Priority raisedWith() {
		return ((Raise) this.steps.get(0).action()).priority();
	}

	/** The expected clocks in a stable order. */
	List<Clock> expectedClocks() {
		return this.expected.stream().map((e) -> e.clock(this.zone)).sorted(Clock.ORDER).toList();
	}

	/**
	 * A clock as the test compares it: times to the nearest minute, in the scenario's
	 * zone.
	 */
	record Clock(SlaMetric metric, int cycle, SlaState state, ZonedDateTime due, ZonedDateTime fulfilled,
			ZonedDateTime breached) {

		static final Comparator<Clock> ORDER = Comparator.comparing(Clock::metric).thenComparing(Clock::cycle);

		static Clock of(SlaMetric metric, int cycle, SlaState state, Instant due, Instant fulfilled, Instant breached,
				ZoneId zone) {
			return new Clock(metric, cycle, state, local(due, zone), local(fulfilled, zone), local(breached, zone));
		}

		/**
		 * To the nearest minute: lived steps happen a few seconds before their minute.
		 */
		private static ZonedDateTime local(Instant instant, ZoneId zone) {
			return (instant != null) ? instant.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).atZone(zone) : null;
		}

		@Override
		public String toString() {
			return this.metric + "#" + this.cycle + " " + this.state + " due=" + text(this.due) + " fulfilled="
					+ text(this.fulfilled) + " breached=" + text(this.breached);
		}

		private static String text(ZonedDateTime time) {
			return (time != null) ? time.toOffsetDateTime().toString() : "-";
		}

	}

	record Expected(SlaMetric metric, int cycle, SlaState state, Instant due, Instant fulfilled, Instant breached) {

		Clock clock(ZoneId zone) {
			return Clock.of(this.metric, this.cycle, this.state, this.due, this.fulfilled, this.breached, zone);
		}

	}

	record Step(Instant at, String local, Action action) {

		@Override
		public String toString() {
			return this.local + " " + this.action;
		}

	}

	sealed interface Action permits Raise, StaffReply, RequesterReply, InternalNote, SolveByRequester, TriagePriority,
			SetOpen, MoveClient, ChangeTargets, AutoSolve, PlanWork, UnplanWork {

	}

	/** The requester raises the ticket. */
	record Raise(Priority priority) implements Action {
	}

	/**
	 * Staff reply publicly and submit as {@code status} ({@code null}: New becomes Open).
	 */
	record StaffReply(TicketStatus status) implements Action {
	}

	/** The requester comments (reopening a Pending or Solved ticket). */
	record RequesterReply() implements Action {
	}

	/** Staff add an internal note. */
	record InternalNote() implements Action {
	}

	/** The requester says it is solved. */
	record SolveByRequester() implements Action {
	}

	/** Staff change the priority. */
	record TriagePriority(Priority priority) implements Action {
	}

	/**
	 * Staff set the ticket Open without replying (acknowledging a New one, or taking a
	 * Pending one back).
	 */
	record SetOpen() implements Action {
	}

	/** The client is moved to another plan, and the ticket recomputed. */
	record MoveClient(Plan plan) implements Action {
	}

	/**
	 * The scenario's own plan gets new targets (and possibly the Sydney calendar), and
	 * the ticket is recomputed.
	 */
	record ChangeTargets(List<SlaTarget> targets, boolean sydneyCalendar) implements Action {

		@Override
		public String toString() {
			return "ChangeTargets[" + (this.sydneyCalendar ? "Sydney calendar, " : "")
					+ this.targets.stream().map((t) -> t.priority() + "/" + t.metric() + "=" + t.withinText()).toList()
					+ "]";
		}

	}

	/** The pending job solves a quiet Pending ticket. */
	record AutoSolve() implements Action {
	}

	/**
	 * The delivery manager plans the ticket's work into the week starting {@code week}
	 * (or moves it there).
	 */
	record PlanWork(java.time.LocalDate week) implements Action {
	}

	/** The work is taken off the delivery plan. */
	record UnplanWork() implements Action {
	}

	/** The requester raises the ticket. */
	static Action raise(Priority priority) {
		return new Raise(priority);
	}

	/** Staff reply publicly; a New ticket becomes Open, any other keeps its status. */
	static Action staffReply() {
		return new StaffReply(null);
	}

	/** Staff reply publicly and submit the ticket as {@code status}. */
	static Action staffReply(TicketStatus status) {
		return new StaffReply(status);
	}

	static Action requesterReply() {
		return new RequesterReply();
	}

	static Action internalNote() {
		return new InternalNote();
	}

	static Action solveByRequester() {
		return new SolveByRequester();
	}

	static Action triagePriority(Priority priority) {
		return new TriagePriority(priority);
	}

	/** Staff set a New ticket Open without replying. */
	static Action acknowledgeOpen() {
		return new SetOpen();
	}

	/** Staff set a Pending ticket back to Open without replying. */
	static Action setOpen() {
		return new SetOpen();
	}

	static Action moveClientTo(Plan plan) {
		return new MoveClient(plan);
	}

	static Action changeTargets(List<SlaTarget> targets) {
		return new ChangeTargets(targets, false);
	}

	/** The scenario's own plan moves to the Sydney calendar, keeping its targets. */
	static Action changeCalendarToSydney() {
		return new ChangeTargets(SlaFixture.standard(), true);
	}

	static Action autoSolve() {
		return new AutoSolve();
	}

	static Action planWork(String week) {
		return new PlanWork(java.time.LocalDate.parse(week));
	}

	static Action unplanWork() {
		return new UnplanWork();
	}

	static final class Builder {

		private final String name;

		private ZoneId zone = SlaFixture.LONDON;

		private Plan plan = Plan.STANDARD;

		private final List<Step> steps = new ArrayList<>();

		private Instant checkAt;

		private final List<Expected> expected = new ArrayList<>();

		Builder(String name) {
			this.name = name;
		}

		/** The client is on the Sydney plan; times are Sydney times. */
		Builder sydney() {
			this.zone = SlaFixture.SYDNEY;
			this.plan = Plan.SYDNEY;
			return this;
		}

		/** The client is on a plan of its own (a copy of the standard plan). */
		Builder ownPlan() {
			this.plan = Plan.OWN;
			return this;
		}

		/** What happens at this local time. */
		Builder at(String local, Action action) {
			Instant at = instant(local, this.zone);
			if (!this.steps.isEmpty() && at.isBefore(this.steps.get(this.steps.size() - 1).at())) {
				throw new IllegalStateException(this.name + ": steps out of order at " + local);
			}
			this.steps.add(new Step(at, local, action));
			return this;
		}

		Builder check(String local) {
			this.checkAt = instant(local, this.zone);
			return this;
		}

		Builder active(SlaMetric metric, String due) {
			return active(metric, 1, due);
		}

		Builder active(SlaMetric metric, int cycle, String due) {
			return expect(metric, cycle, SlaState.ACTIVE, due, null, null);
		}

		Builder paused(SlaMetric metric) {
			return expect(metric, 1, SlaState.PAUSED, null, null, null);
		}

		Builder fulfilled(SlaMetric metric, String due, String fulfilledAt) {
			return fulfilled(metric, 1, due, fulfilledAt);
		}

		Builder fulfilled(SlaMetric metric, int cycle, String due, String fulfilledAt) {
			return expect(metric, cycle, SlaState.FULFILLED, due, fulfilledAt, null);
		}

		/**
		 * Breached at its due time, and fulfilled late ({@code fulfilledAt}) or not yet
		 * ({@code null}).
		 */
		Builder breached(SlaMetric metric, String breachedAt, String fulfilledAt) {
			return breached(metric, 1, breachedAt, fulfilledAt);
		}

		Builder breached(SlaMetric metric, int cycle, String breachedAt, String fulfilledAt) {
			return expect(metric, cycle, SlaState.BREACHED, breachedAt, fulfilledAt, breachedAt);
		}

		/** No clocks at all. */
		Builder noClocks() {
			return this;
		}

		SlaScenario build() {
			if (this.steps.isEmpty() || !(this.steps.get(0).action() instanceof Raise)) {
				throw new IllegalStateException(this.name + ": a scenario starts by raising the ticket");
			}
			if (this.checkAt == null || this.checkAt.isBefore(this.steps.get(this.steps.size() - 1).at())) {
				throw new IllegalStateException(this.name + ": check after the last step");
			}
			return new SlaScenario(this);
		}

		private Builder expect(SlaMetric metric, int cycle, SlaState state, String due, String fulfilledAt,
				String breachedAt) {
			this.expected.add(new Expected(metric, cycle, state, instant(due, this.zone),
					instant(fulfilledAt, this.zone), instant(breachedAt, this.zone)));
			return this;
		}

	}

	/**
	 * A local date-time in the zone, or a date-time with its offset.
	 */
	static Instant instant(String text, ZoneId zone) {
		if (text == null) {
			return null;
		}
		String time = text.substring(text.indexOf('T'));
		if (time.contains("+") || time.contains("-") || time.endsWith("Z")) {
			return OffsetDateTime.parse(text).toInstant();
		}
		return LocalDateTime.parse(text).atZone(zone).toInstant();
	}

}
