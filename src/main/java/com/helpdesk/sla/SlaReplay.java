package com.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.shared.Priority;

/**
 * The SLA clocks of a ticket, replayed from its history. Live tickets and imported ones
 * go through the same replay, so an imported history gives the same clocks as living it.
 * <ul>
 * <li>FIRST_REPLY runs from creation to the first public staff reply.</li>
 * <li>NEXT_REPLY runs from a requester comment that no staff reply has answered yet (only
 * after the first reply) to the next public staff reply.</li>
 * <li>RESOLUTION runs while the ticket waits on us (New or Open), pauses while it waits
 * on the requester, stops when solved and resumes, with the time already used, if it is
 * reopened. It also pauses while the work is on the delivery plan for a week (moving it
 * to another week keeps it paused) and runs again once it is taken off the plan.</li>
 * <li>Solving a ticket also stops a reply clock nobody answered.</li>
 * <li>A metric breaches at its due time if it is still running then; it stays breached
 * and records when it was fulfilled later.</li>
 * <li>When the priority, the plan or its targets change, the target in force changes from
 * that moment, counted from the start with the time already used; a target lowered below
 * the time already used breaches at that moment.</li>
 * </ul>
 */
public final class SlaReplay {

	private SlaReplay() {
	}

	public static List<SlaOutcome> replay(List<SlaInput> inputs, SlaPolicy policy, Instant now) {
		List<SlaInput> history = inputs.stream()
			.filter((input) -> !input.at().isAfter(now))
			.sorted(Comparator.comparing(SlaInput::at))
			.toList();
		if (history.isEmpty() || history.get(0).kind() != SlaInput.Kind.CREATED) {
			return List.of();
		}
		TreeMap<Instant, Priority> priorities = new TreeMap<>();
		List<Life> lives = new ArrayList<>();
		Life first = null;
		Life resolution = null;
		Life next = null;
		boolean replied = false;
		boolean waitingOnUs = true;
		// the first day of the week the work is planned for, while it is on the plan
		LocalDate planned = null;
		int cycle = 0;
		for (SlaInput input : history) {
			Instant at = input.at();
			switch (input.kind()) {
				case CREATED -> {
					if (first != null) {
						continue;
					}
					priorities.put(at, input.priority());
					first = new Life(SlaMetric.FIRST_REPLY, 1, at);
					resolution = new Life(SlaMetric.RESOLUTION, 1, at);
					lives.add(first);
					lives.add(resolution);
				}
				case PRIORITY_CHANGED -> priorities.put(at, input.priority());
				case STAFF_REPLY -> {
					first.stop(at);
					if (next != null) {
						next.stop(at);
						next = null;
					}
					replied = true;
				}
				case REQUESTER_REPLY -> {
					if (replied && next == null) {
						next = new Life(SlaMetric.NEXT_REPLY, ++cycle, at);
						lives.add(next);
					}
				}
				case WAITING_ON_REQUESTER -> {
					waitingOnUs = false;
					resolution.pause(at);
				}
				case WAITING_ON_US -> {
					waitingOnUs = true;
					if (planned == null) {
						resolution.run(at);
					}
					else {
						resolution.reopenPlanned(at, planned);
					}
				}
				case PLANNED -> {
					if (input.plannedFor() != null) {
						planned = input.plannedFor();
						resolution.plan(at, planned);
					}
				}
				case UNPLANNED -> {
					if (planned != null) {
						planned = null;
						resolution.unplan(at, waitingOnUs);
					}
				}
				case SOLVED -> {
					resolution.stop(at);
					first.stop(at);
					if (next != null) {
						next.stop(at);
						next = null;
					}
				}
			}
		}
		List<SlaOutcome> outcomes = new ArrayList<>();
		for (Life life : lives) {
			life.outcome(priorities, policy, now).ifPresent(outcomes::add);
		}
		return outcomes;
	}

	/**
	 * When one metric runs: segments of running time, and whether it has stopped.
	 */
	private static final class Life {

		final SlaMetric metric;

		final int cycle;

		final Instant start;

		/** Moments the clock starts (true) or stops running (false), in order. */
		final List<Move> moves = new ArrayList<>();

		boolean running;

		boolean stopped;

		Instant stoppedAt;

		Life(SlaMetric metric, int cycle, Instant start) {
			this.metric = metric;
			this.cycle = cycle;
			this.start = start;
			this.running = true;
		}

		void stop(Instant at) {
			if (this.stopped) {
				return;
			}
			if (this.running) {
				this.moves.add(new Move(at, Move.Kind.STOP, null));
			}
			else {
				this.moves.add(new Move(at, Move.Kind.STOP_WHILE_PAUSED, null));
			}
			this.running = false;
			this.stopped = true;
			this.stoppedAt = at;
		}

		void pause(Instant at) {
			if (this.running) {
				this.moves.add(new Move(at, Move.Kind.PAUSE, null));
				this.running = false;
			}
		}

		void run(Instant at) {
			run(at, null);
		}

		private void run(Instant at, String detail) {
			if (!this.running) {
				this.moves.add(new Move(at, this.stopped ? Move.Kind.REOPEN : Move.Kind.RESUME, detail));
				this.running = true;
				this.stopped = false;
				this.stoppedAt = null;
			}
		}

		/** The work is planned for a week: paused, or kept paused with that reason. */
		void plan(Instant at, LocalDate week) {
			if (!this.stopped) {
				this.moves.add(new Move(at, Move.Kind.PLAN, week.toString()));
				this.running = false;
			}
		}

		/** Reopened while its work is still on the plan: paused, not running. */
		void reopenPlanned(Instant at, LocalDate week) {
			if (this.stopped) {
				this.moves.add(new Move(at, Move.Kind.REOPEN_PLANNED, week.toString()));
				this.stopped = false;
				this.stoppedAt = null;
				this.running = false;
			}
		}

		/**
		 * Off the plan: runs again if the ticket waits on us, else stays paused waiting
		 * on the requester.
		 */
		void unplan(Instant at, boolean waitingOnUs) {
			if (this.stopped) {
				return;
			}
			if (waitingOnUs) {
				run(at, "unplanned");
			}
			else {
				this.moves.add(new Move(at, Move.Kind.PAUSE, null));
			}
		}

		Optional<SlaOutcome> outcome(TreeMap<Instant, Priority> priorities, SlaPolicy policy, Instant now) {
			Instant horizon = this.stopped ? this.stoppedAt : now;
			List<Move> timeline = new ArrayList<>(this.moves);
			for (Instant change : priorities.keySet()) {
				if (change.isAfter(this.start) && !change.isAfter(horizon)) {
					timeline.add(new Move(change, Move.Kind.RETARGET, null));
				}
			}
			for (Instant change : policy.changes(this.start, horizon)) {
				timeline.add(new Move(change, Move.Kind.RETARGET, null));
			}
			timeline.sort(Comparator.comparing(Move::at).thenComparing((m) -> m.kind().order));

			Clock clock = new Clock(this, policy, priorities);
			clock.begin(this.start);
			for (Move move : timeline) {
				clock.advance(move.at());
				switch (move.kind()) {
					case STOP, STOP_WHILE_PAUSED -> clock.stop(move.at());
					case PAUSE -> clock.pause(move.at());
					case PLAN -> clock.plan(move.at(), move.detail());
					case RESUME, REOPEN ->
						clock.resume(move.at(), (move.kind() == Move.Kind.REOPEN) ? "reopened" : move.detail());
					case REOPEN_PLANNED -> {
						clock.resume(move.at(), "reopened");
						clock.plan(move.at(), move.detail());
					}
					case RETARGET -> clock.retarget(move.at());
				}
			}
			return clock.finish(now);
		}

	}

	/**
	 * @param detail the week for PLAN and REOPEN_PLANNED, why it resumed for RESUME
	 */
	private record Move(Instant at, Kind kind, String detail) {

		enum Kind {

			// at the same moment: stop before changing the target, and change it before
			// running again
			STOP(0), STOP_WHILE_PAUSED(0), PAUSE(0), PLAN(0), RETARGET(1), RESUME(2), REOPEN(2), REOPEN_PLANNED(2);

			final int order;

			Kind(int order) {
				this.order = order;
			}

		}

	}

	/**
	 * Walks one metric's life, counting clock time against the target in force.
	 */
	private static final class Clock {

		private final Life life;

		private final SlaPolicy policy;

		private final TreeMap<Instant, Priority> priorities;

		private final List<SlaEvent> events = new ArrayList<>();

		private SlaTarget target;

		private Duration targetTime;

		private BusinessCalendar calendar;

		private boolean running;

		private Instant runningSince;

		private Duration used = Duration.ZERO;

		private Duration pausedFor = Duration.ZERO;

		private Instant pausedSince;

		private Instant breachedAt;

		private Instant fulfilledAt;

		private Instant dueAt;

		private boolean everTargeted;

		private SlaTarget lastTarget;

		private Duration lastTargetTime;

		Clock(Life life, SlaPolicy policy, TreeMap<Instant, Priority> priorities) {
			this.life = life;
			this.policy = policy;
			this.priorities = priorities;
		}

		void begin(Instant at) {
			resolve(at);
			this.running = true;
			this.runningSince = at;
			this.events.add(new SlaEvent(at, SlaEvent.Kind.STARTED, describe(this.target)));
		}

		/** Counts the running time up to {@code at}, noticing a breach on the way. */
		void advance(Instant at) {
			if (!this.running || !at.isAfter(this.runningSince)) {
				return;
			}
			if (this.targetTime != null && this.breachedAt == null) {
				Instant due = due();
				if (due.isBefore(at)) {
					breach(due);
				}
			}
			this.used = this.used.plus(this.calendar.between(this.runningSince, at));
			this.runningSince = at;
		}

		void stop(Instant at) {
			if (this.running && this.targetTime != null && this.breachedAt == null) {
				this.dueAt = due();
			}
			if (!this.running && this.pausedSince != null) {
				this.pausedFor = this.pausedFor.plus(Duration.between(this.pausedSince, at));
				this.pausedSince = null;
			}
			this.running = false;
			this.fulfilledAt = at;
			this.events.add(new SlaEvent(at, SlaEvent.Kind.FULFILLED, null));
		}

		void pause(Instant at) {
			pause(at, SlaEvent.Kind.PAUSED, null);
		}

		/** Paused for the work planned in the week starting {@code week}. */
		void plan(Instant at, String week) {
			pause(at, SlaEvent.Kind.PLANNED, week);
		}

		private void pause(Instant at, SlaEvent.Kind why, String detail) {
			if (this.running || this.pausedSince == null) {
				if (this.breachedAt == null) {
					this.dueAt = null;
				}
				this.running = false;
				this.pausedSince = at;
			}
			// already paused, only the reason changes
			this.events.add(new SlaEvent(at, why, detail));
		}

		void resume(Instant at, String detail) {
			if (this.pausedSince != null) {
				this.pausedFor = this.pausedFor.plus(Duration.between(this.pausedSince, at));
				this.pausedSince = null;
			}
			this.running = true;
			this.runningSince = at;
			this.fulfilledAt = null;
			this.events.add(new SlaEvent(at, SlaEvent.Kind.RESUMED, detail));
		}

		void retarget(Instant at) {
			SlaTarget before = this.target;
			BusinessCalendar calendarBefore = this.calendar;
			resolve(at);
			if (same(before, this.target)) {
				if (calendarBefore != this.calendar) {
					this.events.add(new SlaEvent(at, SlaEvent.Kind.RETARGETED, "calendar changed"));
				}
				return;
			}
			this.events
				.add(new SlaEvent(at, SlaEvent.Kind.RETARGETED, describe(before) + " → " + describe(this.target)));
			if (this.running && this.targetTime != null && this.breachedAt == null
					&& this.used.compareTo(this.targetTime) >= 0) {
				breach(at);
			}
		}

		Optional<SlaOutcome> finish(Instant now) {
			Instant atRiskAt = null;
			if (this.running) {
				if (this.targetTime != null && this.breachedAt == null) {
					this.dueAt = due();
					if (!this.dueAt.isAfter(now)) {
						breach(this.dueAt);
					}
					Duration riskAfter = Duration
						.ofSeconds((long) (this.targetTime.toSeconds() * (1 - this.policy.atRiskShare())));
					atRiskAt = this.calendar.plus(this.runningSince, positive(riskAfter.minus(this.used)));
				}
				this.used = this.used.plus(this.calendar.between(this.runningSince, now));
			}
			else if (this.pausedSince != null) {
				this.pausedFor = this.pausedFor.plus(Duration.between(this.pausedSince, now));
			}
			if (!this.everTargeted || (this.target == null && this.breachedAt == null)) {
				return Optional.empty();
			}
			// a breach stays on the record, with the target it missed, even if that
			// target has gone since
			SlaTarget shown = (this.target != null) ? this.target : this.lastTarget;
			Duration shownTime = (this.target != null) ? this.targetTime : this.lastTargetTime;
			SlaState state;
			if (this.breachedAt != null) {
				state = SlaState.BREACHED;
			}
			else if (this.fulfilledAt != null) {
				state = SlaState.FULFILLED;
			}
			else {
				state = this.running ? SlaState.ACTIVE : SlaState.PAUSED;
			}
			return Optional.of(new SlaOutcome(this.life.metric, this.life.cycle, state, shown, shownTime,
					this.life.start, this.dueAt, (state == SlaState.ACTIVE) ? atRiskAt : null, this.fulfilledAt,
					this.breachedAt, this.used, this.pausedFor, List.copyOf(this.events)));
		}

		private Instant due() {
			return this.calendar.plus(this.runningSince, positive(this.targetTime.minus(this.used)));
		}

		private void breach(Instant at) {
			this.breachedAt = at;
			this.dueAt = at;
			this.events.add(new SlaEvent(at, SlaEvent.Kind.BREACHED, null));
		}

		/** The target in force at {@code at}, with its clock and its time resolved. */
		private void resolve(Instant at) {
			Priority priority = this.priorities.floorEntry(at).getValue();
			this.target = this.policy.target(this.life.metric, priority, at).orElse(null);
			BusinessCalendar business = this.policy.calendar(at);
			if (this.target == null) {
				this.targetTime = null;
				if (this.calendar == null) {
					this.calendar = business;
				}
				return;
			}
			this.everTargeted = true;
			this.calendar = (this.target.clock() == SlaClock.ALWAYS) ? always(business) : business;
			this.targetTime = this.target.endOfBusinessDay()
					? this.calendar.between(this.life.start, this.calendar.endOfBusinessDay(this.life.start))
					: this.target.within();
			this.lastTarget = this.target;
			this.lastTargetTime = this.targetTime;
		}

		/**
		 * One always-open calendar per zone, so that an unchanged clock keeps the same
		 * one.
		 */
		private BusinessCalendar always(BusinessCalendar business) {
			if (this.alwaysOpen == null || !this.alwaysOpen.zone().equals(business.zone())) {
				this.alwaysOpen = BusinessCalendar.always(business.zone());
			}
			return this.alwaysOpen;
		}

		private BusinessCalendar alwaysOpen;

		private static boolean same(SlaTarget a, SlaTarget b) {
			if (a == null || b == null) {
				return a == b;
			}
			return a.clock() == b.clock() && a.endOfBusinessDay() == b.endOfBusinessDay()
					&& java.util.Objects.equals(a.within(), b.within());
		}

		private static String describe(SlaTarget target) {
			return (target != null) ? target.withinText() + " " + target.clock() : "none";
		}

		private static Duration positive(Duration duration) {
			return duration.isNegative() ? Duration.ZERO : duration;
		}

	}

}
