package com.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaInput.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay on its own, with a plan held in memory: the rules of each clock.
 */
class SlaReplayTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final BusinessCalendar HOURS = new BusinessCalendar(LONDON,
			List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
				.stream()
				.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
				.toList(),
			List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

	/**
	 * A plan: NORMAL answers by the end of the day, HIGH in 2 business hours, CRITICAL in
	 * 30 minutes 24/7.
	 */
	static final Map<Priority, List<SlaTarget>> TARGETS = Map.of(
			Priority.NORMAL, List.of(eob(Priority.NORMAL, SlaMetric.FIRST_REPLY), within(Priority.NORMAL,
					SlaMetric.NEXT_REPLY, "PT4H"), within(Priority.NORMAL, SlaMetric.RESOLUTION, "PT16H")),
			Priority.HIGH,
			List.of(within(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT2H"), within(
					Priority.HIGH, SlaMetric.NEXT_REPLY, "PT2H"), within(Priority.HIGH, SlaMetric.RESOLUTION, "PT8H")),
			Priority.CRITICAL,
			List.of(new SlaTarget(Priority.CRITICAL, SlaMetric.FIRST_REPLY, Duration.ofMinutes(30), false,
					SlaClock.ALWAYS),
					new SlaTarget(Priority.CRITICAL, SlaMetric.RESOLUTION, Duration.ofHours(4), false,
							SlaClock.ALWAYS)),
			Priority.LOW, List.of());

	static final SlaPolicy PLAN = new SlaPolicy() {

		@Override
		public Optional<SlaTarget> target(SlaMetric metric, Priority priority, Instant at) {
			return TARGETS.get(priority).stream().filter((t) -> t.metric() == metric).findFirst();
		}

		@Override
		public BusinessCalendar calendar(Instant at) {
			return HOURS;
		}

		@Override
		public List<Instant> changes(Instant from, Instant to) {
			return List.of();
		}

		@Override
		public double atRiskShare() {
			return 0.25;
		}

	};

	@Test
	void aFirstReplyInTimeFulfilsAndTheResolutionClockKeepsRunning() {
		List<SlaOutcome> outcomes = replay("2026-11-24T16:00",
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T11:00", Kind.STAFF_REPLY)));
		SlaOutcome first = metric(outcomes, SlaMetric.FIRST_REPLY);
		assertThat(first.state()).isEqualTo(SlaState.FULFILLED);
		assertThat(first.dueAt()).isEqualTo(at("2026-11-24T12:00"));
		assertThat(first.fulfilledAt()).isEqualTo(at("2026-11-24T11:00"));
		SlaOutcome resolution = metric(outcomes, SlaMetric.RESOLUTION);
		assertThat(resolution.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(resolution.dueAt()).isEqualTo(at("2026-11-24T18:00"));
		assertThat(resolution.atRiskAt()).isEqualTo(at("2026-11-24T16:00"));
		assertThat(resolution.used()).isEqualTo(Duration.ofHours(6));
	}

	@Test
	void aLateReplyBreachesAtTheDueTimeAndRecordsWhenItCame() {
		SlaOutcome first = metric(
				replay("2026-11-25T12:00",
						List.of(created("2026-11-24T17:00", Priority.HIGH), in("2026-11-25T12:00", Kind.STAFF_REPLY))),
				SlaMetric.FIRST_REPLY);
		assertThat(first.state()).isEqualTo(SlaState.BREACHED);
		assertThat(first.breachedAt()).isEqualTo(at("2026-11-25T11:00"));
		assertThat(first.dueAt()).isEqualTo(at("2026-11-25T11:00"));
		assertThat(first.fulfilledAt()).isEqualTo(at("2026-11-25T12:00"));
	}

	@Test
	void pendingPausesTheResolutionClockButNotTheReplyClocks() {
		List<SlaOutcome> outcomes = replay("2026-11-26T10:00",
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T11:00", Kind.STAFF_REPLY),
						in("2026-11-24T11:00", Kind.WAITING_ON_REQUESTER), in("2026-11-25T15:00", Kind.REQUESTER_REPLY),
						in("2026-11-25T15:00", Kind.WAITING_ON_US)));
		SlaOutcome resolution = metric(outcomes, SlaMetric.RESOLUTION);
		assertThat(resolution.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(resolution.used()).isEqualTo(Duration.ofHours(1).plus(Duration.ofHours(3)));
		assertThat(resolution.dueAt()).as("7 business hours left from Wed 15:00").isEqualTo(at("2026-11-26T14:00"));
		assertThat(resolution.pausedFor()).isEqualTo(Duration.ofHours(28));
		SlaOutcome next = metric(outcomes, SlaMetric.NEXT_REPLY);
		assertThat(next.state()).isEqualTo(SlaState.BREACHED);
		assertThat(next.breachedAt()).isEqualTo(at("2026-11-25T17:00"));
	}

	@Test
	void aCriticalTicketCountsEveryMinute() {
		SlaOutcome first = metric(replay("2026-11-28T03:00", List.of(created("2026-11-28T02:00", Priority.CRITICAL))),
				SlaMetric.FIRST_REPLY);
		assertThat(first.dueAt()).isEqualTo(at("2026-11-28T02:30"));
		assertThat(first.state()).isEqualTo(SlaState.BREACHED);
	}

	@Test
	void theEndOfTheBusinessDayAfterHoursIsTheCloseOfTheNextDay() {
		SlaOutcome first = metric(replay("2026-11-24T19:00", List.of(created("2026-11-24T18:30", Priority.NORMAL))),
				SlaMetric.FIRST_REPLY);
		assertThat(first.dueAt()).isEqualTo(at("2026-11-25T18:00"));
		assertThat(first.targetTime()).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void raisingThePriorityRetargetsWithTheTimeAlreadyUsed() {
		List<SlaOutcome> outcomes = replay("2026-11-24T12:00", List.of(created("2026-11-24T10:00", Priority.NORMAL),
				new SlaInput(at("2026-11-24T11:00"), Kind.PRIORITY_CHANGED, Priority.HIGH)));
		SlaOutcome first = metric(outcomes, SlaMetric.FIRST_REPLY);
		assertThat(first.dueAt()).as("2 business hours from 10:00").isEqualTo(at("2026-11-24T12:00"));
		assertThat(first.state()).isEqualTo(SlaState.BREACHED);
		assertThat(first.events()).extracting(SlaEvent::kind)
			.containsExactly(SlaEvent.Kind.STARTED, SlaEvent.Kind.RETARGETED, SlaEvent.Kind.BREACHED);
	}

	@Test
	void loweringThePriorityToOneWithoutATargetRemovesTheClock() {
		List<SlaOutcome> outcomes = replay("2026-11-24T12:00", List.of(created("2026-11-24T10:00", Priority.NORMAL),
				new SlaInput(at("2026-11-24T11:00"), Kind.PRIORITY_CHANGED, Priority.LOW)));
		assertThat(outcomes).isEmpty();
	}

	@Test
	void aReopenedTicketResumesWithTheTimeAlreadyUsed() {
		List<SlaOutcome> outcomes = replay("2026-11-25T12:00",
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T11:00", Kind.STAFF_REPLY),
						in("2026-11-24T13:00", Kind.SOLVED), in("2026-11-25T10:00", Kind.REQUESTER_REPLY),
						in("2026-11-25T10:00", Kind.WAITING_ON_US)));
		SlaOutcome resolution = metric(outcomes, SlaMetric.RESOLUTION);
		assertThat(resolution.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(resolution.fulfilledAt()).isNull();
		assertThat(resolution.used()).isEqualTo(Duration.ofHours(3 + 2));
		assertThat(resolution.dueAt()).isEqualTo(at("2026-11-25T15:00"));
	}

	@Test
	void severalRequesterCommentsBeforeAReplyAreOneNextReplyFromTheOldest() {
		List<SlaOutcome> outcomes = replay("2026-11-24T16:00",
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T10:30", Kind.STAFF_REPLY),
						in("2026-11-24T11:00", Kind.REQUESTER_REPLY), in("2026-11-24T12:00", Kind.REQUESTER_REPLY),
						in("2026-11-24T14:00", Kind.STAFF_REPLY), in("2026-11-24T15:00", Kind.REQUESTER_REPLY)));
		List<SlaOutcome> next = outcomes.stream().filter((o) -> o.metric() == SlaMetric.NEXT_REPLY).toList();
		assertThat(next).hasSize(2);
		assertThat(next.get(0).startedAt()).isEqualTo(at("2026-11-24T11:00"));
		assertThat(next.get(0).state()).isEqualTo(SlaState.BREACHED);
		assertThat(next.get(0).breachedAt()).isEqualTo(at("2026-11-24T13:00"));
		assertThat(next.get(1).cycle()).isEqualTo(2);
		assertThat(next.get(1).state()).isEqualTo(SlaState.ACTIVE);
	}

	@Test
	void workOnTheDeliveryPlanPausesResolutionUntilItIsTakenOff() {
		List<SlaInput> history = new ArrayList<>(List.of(created("2026-11-24T10:00", Priority.HIGH),
				in("2026-11-24T11:00", Kind.STAFF_REPLY), planned("2026-11-24T12:00", "2026-11-30")));
		SlaOutcome paused = metric(replay("2026-11-25T10:00", history), SlaMetric.RESOLUTION);
		assertThat(paused.state()).isEqualTo(SlaState.PAUSED);
		assertThat(paused.dueAt()).isNull();
		assertThat(paused.used()).isEqualTo(Duration.ofHours(2));
		assertThat(paused.events()).last()
			.isEqualTo(new SlaEvent(at("2026-11-24T12:00"), SlaEvent.Kind.PLANNED, "2026-11-30"));
		// the reply clocks are not paused by planning
		assertThat(metric(replay("2026-11-25T10:00", history), SlaMetric.FIRST_REPLY).state())
			.isEqualTo(SlaState.FULFILLED);

		// moved to another week: still paused, with the new week
		history.add(planned("2026-11-25T12:00", "2026-12-07"));
		SlaOutcome moved = metric(replay("2026-11-26T10:00", history), SlaMetric.RESOLUTION);
		assertThat(moved.state()).isEqualTo(SlaState.PAUSED);
		assertThat(moved.used()).isEqualTo(Duration.ofHours(2));
		assertThat(moved.events()).last()
			.isEqualTo(new SlaEvent(at("2026-11-25T12:00"), SlaEvent.Kind.PLANNED, "2026-12-07"));

		// taken off the plan on Thursday 14:00: 6 business hours left
		history.add(in("2026-11-26T14:00", Kind.UNPLANNED));
		SlaOutcome resumed = metric(replay("2026-11-26T15:00", history), SlaMetric.RESOLUTION);
		assertThat(resumed.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(resumed.used()).isEqualTo(Duration.ofHours(3));
		assertThat(resumed.dueAt()).isEqualTo(at("2026-11-27T12:00"));
		assertThat(resumed.pausedFor()).isEqualTo(Duration.ofHours(50));
		assertThat(resumed.events()).extracting(SlaEvent::kind)
			.containsExactly(SlaEvent.Kind.STARTED, SlaEvent.Kind.PLANNED, SlaEvent.Kind.PLANNED,
					SlaEvent.Kind.RESUMED);
	}

	@Test
	void plannedWorkStaysPausedWhenTheRequesterRepliesAndOffThePlanWaitsForThemIfPending() {
		List<SlaInput> history = new ArrayList<>(
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T11:00", Kind.STAFF_REPLY),
						planned("2026-11-24T12:00", "2026-11-30"), in("2026-11-24T13:00", Kind.WAITING_ON_REQUESTER),
						in("2026-11-24T14:00", Kind.REQUESTER_REPLY), in("2026-11-24T14:00", Kind.WAITING_ON_US)));
		SlaOutcome planned = metric(replay("2026-11-25T10:00", history), SlaMetric.RESOLUTION);
		assertThat(planned.state()).isEqualTo(SlaState.PAUSED);
		assertThat(planned.used()).isEqualTo(Duration.ofHours(2));

		history
			.addAll(List.of(in("2026-11-25T11:00", Kind.WAITING_ON_REQUESTER), in("2026-11-25T12:00", Kind.UNPLANNED)));
		assertThat(metric(replay("2026-11-25T12:30", history), SlaMetric.RESOLUTION).state())
			.as("off the plan but waiting on the requester")
			.isEqualTo(SlaState.PAUSED);

		history.add(in("2026-11-25T13:00", Kind.WAITING_ON_US));
		SlaOutcome running = metric(replay("2026-11-25T14:00", history), SlaMetric.RESOLUTION);
		assertThat(running.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(running.used()).isEqualTo(Duration.ofHours(3));
		assertThat(running.dueAt()).isEqualTo(at("2026-11-26T11:00"));
	}

	@Test
	void deliveredWorkIsSolvedAndAReopenedTicketRunsAgainUnlessItIsStillPlanned() {
		List<SlaInput> delivered = new ArrayList<>(
				List.of(created("2026-11-24T10:00", Priority.HIGH), in("2026-11-24T11:00", Kind.STAFF_REPLY),
						planned("2026-11-24T12:00", "2026-11-30"), in("2026-11-26T10:00", Kind.STAFF_REPLY),
						in("2026-11-26T10:00", Kind.SOLVED), in("2026-11-26T10:00", Kind.UNPLANNED)));
		SlaOutcome solved = metric(replay("2026-11-26T11:00", delivered), SlaMetric.RESOLUTION);
		assertThat(solved.state()).isEqualTo(SlaState.FULFILLED);
		assertThat(solved.fulfilledAt()).isEqualTo(at("2026-11-26T10:00"));
		delivered.add(in("2026-11-27T10:00", Kind.WAITING_ON_US));
		SlaOutcome reopened = metric(replay("2026-11-27T11:00", delivered), SlaMetric.RESOLUTION);
		assertThat(reopened.state()).isEqualTo(SlaState.ACTIVE);
		assertThat(reopened.dueAt()).isEqualTo(at("2026-11-27T16:00"));

		// solved by hand while still on the plan, then reopened: it stays paused
		List<SlaInput> stillPlanned = List.of(created("2026-11-24T10:00", Priority.HIGH),
				in("2026-11-24T11:00", Kind.STAFF_REPLY), planned("2026-11-24T12:00", "2026-11-30"),
				in("2026-11-25T10:00", Kind.SOLVED), in("2026-11-25T12:00", Kind.WAITING_ON_US));
		SlaOutcome paused = metric(replay("2026-11-25T14:00", stillPlanned), SlaMetric.RESOLUTION);
		assertThat(paused.state()).isEqualTo(SlaState.PAUSED);
		assertThat(paused.fulfilledAt()).isNull();
		assertThat(paused.used()).isEqualTo(Duration.ofHours(2));
		assertThat(paused.events()).last().extracting(SlaEvent::kind).isEqualTo(SlaEvent.Kind.PLANNED);
	}

	@Test
	void replayingTheSameHistoryGivesTheSameClocks() {
		List<SlaInput> history = new ArrayList<>(List.of(created("2026-12-23T16:00", Priority.NORMAL),
				in("2026-12-24T10:30", Kind.STAFF_REPLY), in("2026-12-24T10:30", Kind.WAITING_ON_REQUESTER)));
		assertThat(replay("2027-01-04T09:00", history)).isEqualTo(replay("2027-01-04T09:00", history));
	}

	static List<SlaOutcome> replay(String now, List<SlaInput> inputs) {
		return SlaReplay.replay(inputs, PLAN, at(now));
	}

	static SlaOutcome metric(List<SlaOutcome> outcomes, SlaMetric metric) {
		return outcomes.stream().filter((o) -> o.metric() == metric).findFirst().orElseThrow();
	}

	static SlaInput created(String at, Priority priority) {
		return new SlaInput(at(at), Kind.CREATED, priority);
	}

	static SlaInput planned(String at, String week) {
		return SlaInput.planned(at(at), LocalDate.parse(week));
	}

	static SlaInput in(String at, Kind kind) {
		return SlaInput.of(at(at), kind);
	}

	static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(LONDON).toInstant();
	}

	static SlaTarget within(Priority priority, SlaMetric metric, String duration) {
		return new SlaTarget(priority, metric, Duration.parse(duration), false, SlaClock.BUSINESS);
	}

	static SlaTarget eob(Priority priority, SlaMetric metric) {
		return new SlaTarget(priority, metric, null, true, SlaClock.BUSINESS);
	}

}
