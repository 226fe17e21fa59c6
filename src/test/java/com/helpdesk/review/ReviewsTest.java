package com.helpdesk.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.review.DailyReview.Breach;
import com.helpdesk.review.DailyReview.SolvingSoon;
import com.helpdesk.review.DailyReview.Unacknowledged;
import com.helpdesk.review.DailyReview.WaitingOnUs;
import com.helpdesk.review.WeeklyReview.Section;
import com.helpdesk.review.WeeklyReview.Unresolved;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily and weekly reviews on PostgreSQL with a moved clock: each list holds what the
 * team's daily review asks for and nothing else, the weekly one in sections by client and
 * by group, and a review is marked done once per team day (or week).
 */
@IntegrationTest
class ReviewsTest {

	@Autowired
	Reviews reviews;

	@Autowired
	TeamCalendar team;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	SlaPolicies policies;

	@Autowired
	SlaSweep sweep;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.helpdesk.support.DeliveryFixture deliveryFixture;

	@Autowired
	com.helpdesk.delivery.DeliveryRequests deliveryRequests;

	ReviewFixture fixture;

	Person agent;

	@BeforeEach
	void setUp() {
		this.fixture = new ReviewFixture(this.team, this.tickets, this.queries, this.data, this.clock);
		this.agent = this.data.agent();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void newTicketsAreListedWithTheirAcknowledgeByDeadlineUntilSomeoneAnswers() {
		this.fixture.now("2025-02-10T09:00");
		long morning = this.fixture.raise("Morning question");
		this.fixture.now("2025-02-10T18:30");
		long evening = this.fixture.raise("Evening question");
		this.fixture.now("2025-02-11T09:00");

		DailyReview daily = this.reviews.daily();
		BusinessCalendar calendar = this.team.get().calendar();
		AcknowledgeDeadline byFive = new AcknowledgeDeadline(LocalTime.of(17, 0));
		assertThat(daily.acknowledgeBy()).isEqualTo(LocalTime.of(17, 0));
		assertThat(daily.day()).isEqualTo(LocalDate.of(2025, 2, 11));
		Unacknowledged first = line(daily.unacknowledged().rows(), Unacknowledged::ticketId, morning);
		Unacknowledged second = line(daily.unacknowledged().rows(), Unacknowledged::ticketId, evening);
		assertThat(first.dueAt()).isEqualTo(byFive.dueAt(first.arrivedAt(), calendar));
		assertThat(second.dueAt()).isEqualTo(byFive.dueAt(second.arrivedAt(), calendar));
		// Monday 09:00 and 18:30 on the team's weekday calendar: due Monday and Tuesday
		// at 17:00
		assertThat(first.dueAt()).isEqualTo(this.fixture.at("2025-02-10T17:00"));
		assertThat(second.dueAt()).isEqualTo(this.fixture.at("2025-02-11T17:00"));
		assertThat(first.isOverdue(daily.now())).isTrue();
		assertThat(second.isOverdue(daily.now())).isFalse();
		assertThat(second.left(daily.now())).isBetween(Duration.ofHours(7).plusMinutes(59), Duration.ofHours(8));
		assertThat(daily.unacknowledged().rows()).extracting(Unacknowledged::ticketId)
			.containsSubsequence(morning, evening);

		this.fixture.answer(this.agent, morning, TicketStatus.OPEN);
		assertThat(this.reviews.daily().unacknowledged().rows()).extracting(Unacknowledged::ticketId)
			.doesNotContain(morning)
			.contains(evening);
	}

	/**
	 * A 30-minute critical must be acknowledged by its first reply due time, not by
	 * 17:00; the page says which of the two it is, and the soonest due comes first.
	 */
	@Test
	void aTicketWhoseFirstReplyIsDueBeforeTheEndOfTheDayIsDueByItsFirstReply() {
		long plan = this.admin.createPlan(TestData.unique("Review critical plan"), "Half an hour to answer", false,
				null);
		this.policies.setUp(plan, this.team.get().id(), 0.25, List.of(new SlaTarget(Priority.CRITICAL,
				SlaMetric.FIRST_REPLY, Duration.ofMinutes(30), false, SlaClock.ALWAYS)), null, null);
		Person requester = this.data.requester(
				this.admin.createClient(new ClientCommand(TestData.unique("Critical client"), plan, null, true), null));
		this.fixture.now("2025-02-12T09:00");
		long question = this.fixture.raise(requester, "Plain question");
		this.fixture.now("2025-02-12T09:05");
		long critical = this.tickets.create(requester,
				new com.helpdesk.ticket.NewTicket(com.helpdesk.ticket.RequestType.QUESTION,
						TestData.unique("Checkout down"), "Nobody can pay", "Restarted it", Priority.CRITICAL,
						com.helpdesk.ticket.RequestDetails.none(), null),
				List.of());
		this.fixture.now("2025-02-12T09:15");

		DailyReview daily = this.reviews.daily();
		Unacknowledged first = line(daily.unacknowledged().rows(), Unacknowledged::ticketId, critical);
		assertThat(first.dueAt())
			.isEqualTo(this.fixture.ticket(this.agent, critical).createdAt().plus(Duration.ofMinutes(30)));
		assertThat(first.dueBecause()).isEqualTo(AcknowledgeDeadline.Reason.FIRST_REPLY);
		assertThat(first.left(daily.now())).isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21));
		// no first reply target for a NORMAL question on this plan: the end of the day
		Unacknowledged plain = line(daily.unacknowledged().rows(), Unacknowledged::ticketId, question);
		assertThat(plain.dueAt()).isEqualTo(this.fixture.at("2025-02-12T17:00"));
		assertThat(plain.dueBecause()).isEqualTo(AcknowledgeDeadline.Reason.END_OF_DAY);
		assertThat(daily.unacknowledged().rows()).extracting(Unacknowledged::ticketId)
			.containsSubsequence(critical, question);

		// once breached it stays due when its first reply was due, and overdue
		this.fixture.now("2025-02-12T10:00");
		this.sweep.run();
		Unacknowledged late = line(this.reviews.daily().unacknowledged().rows(), Unacknowledged::ticketId, critical);
		assertThat(late.dueAt()).isEqualTo(first.dueAt());
		assertThat(late.isOverdue(this.clock.instant())).isTrue();
	}

	/**
	 * Waiting on us since the latest of: becoming Open, and a public reply from staff.
	 * Internal notes and the requester's replies to an Open ticket do not restart it.
	 */
	@Test
	void openTicketsWaitingOnUsForMoreThanADayAreListedLongestFirst() {
		Person requester = this.data.requester(this.data.client());
		this.fixture.now("2025-02-17T10:00");
		long answeredOnce = this.fixture.raise(requester, "Answered once");
		this.fixture.answer(this.agent, answeredOnce, TicketStatus.OPEN);
		this.fixture.now("2025-02-17T10:10");
		long notedAndNudged = this.fixture.raise(requester, "Noted and nudged");
		this.fixture.answer(this.agent, notedAndNudged, TicketStatus.OPEN);
		long answeredAgain = this.fixture.raise(requester, "Answered again");
		this.fixture.answer(this.agent, answeredAgain, TicketStatus.OPEN);
		long reopened = this.fixture.raise(requester, "Reopened");
		this.fixture.answer(this.agent, reopened, TicketStatus.PENDING);

		this.fixture.now("2025-02-18T08:00");
		this.fixture.answer(this.agent, answeredAgain, TicketStatus.OPEN);
		this.fixture.now("2025-02-18T09:00");
		this.tickets.addNote(this.agent, notedAndNudged, "Looking at the logs", List.of());
		this.tickets.reply(requester, notedAndNudged, null, "Any news?", null, List.of());
		this.fixture.now("2025-02-18T09:45");
		this.tickets.reply(requester, reopened, null, "It broke again", null, List.of());
		assertThat(this.fixture.ticket(this.agent, reopened).status()).isEqualTo(TicketStatus.OPEN);

		this.fixture.now("2025-02-18T10:20");
		DailyReview daily = this.reviews.daily();
		List<WaitingOnUs> open = daily.openOverADay().rows();
		assertThat(open).extracting(WaitingOnUs::ticketId)
			.containsSubsequence(answeredOnce, notedAndNudged)
			.doesNotContain(answeredAgain, reopened);
		WaitingOnUs oldest = line(open, WaitingOnUs::ticketId, answeredOnce);
		assertThat(oldest.since()).isBetween(this.fixture.at("2025-02-17T10:00"), this.fixture.at("2025-02-17T10:01"));
		assertThat(oldest.waiting(daily.now())).isGreaterThan(Duration.ofHours(24));
		assertThat(line(open, WaitingOnUs::ticketId, notedAndNudged).since())
			.isBefore(this.fixture.at("2025-02-17T10:11"));
		assertThat(daily.openOverADay().more()).isZero();

		// a day after the reply of 08:00, that one is listed too
		this.fixture.now("2025-02-19T08:05");
		assertThat(this.reviews.daily().openOverADay().rows()).extracting(WaitingOnUs::ticketId)
			.contains(answeredAgain)
			.doesNotContain(reopened);
	}

	@Test
	void workADeliveryManagerHasScheduledIsNotListedAsWaitingOnUs() {
		com.helpdesk.support.DeliveryFixture.Team delivery = this.deliveryFixture.team();
		this.fixture.now("2025-03-03T10:00");
		long plain = this.fixture.raise(delivery.requester(), "Plain question");
		this.fixture.answer(this.agent, plain, TicketStatus.OPEN);
		long work = this.tickets.create(delivery.requester(), new com.helpdesk.ticket.NewTicket(
				com.helpdesk.ticket.RequestType.DEVELOPMENT_SUPPORT, "Queues", "Help with queues", "Read the docs",
				com.helpdesk.shared.Priority.NORMAL, new com.helpdesk.ticket.RequestDetails(null, null, null, null,
						null, null, null, "Orders through a queue", null, null, null, null, null, null),
				null), List.of());
		com.helpdesk.delivery.DeliveryRequest request = this.deliveryRequests.forTicket(work).orElseThrow();
		this.deliveryRequests.scope(delivery.dm(), request.id(), request.version(),
				new com.helpdesk.delivery.ScopeCommand(null, java.math.BigDecimal.ONE, false, null, null));
		this.deliveryRequests.schedule(delivery.dm(), request.id(), request.version() + 1,
				java.time.LocalDate.of(2025, 3, 12), null);
		assertThat(this.fixture.ticket(this.agent, work).status()).isEqualTo(TicketStatus.OPEN);

		this.fixture.now("2025-03-05T10:00");
		assertThat(this.reviews.daily().openOverADay().rows()).extracting(WaitingOnUs::ticketId)
			.contains(plain)
			.doesNotContain(work);
	}

	@Test
	void pendingTicketsThatWillBeSolvedAutomaticallyWithinADayAreListed() {
		this.fixture.now("2025-03-03T10:00");
		long soon = this.fixture.raise("Solving soon");
		this.fixture.answer(this.agent, soon, TicketStatus.PENDING);
		this.fixture.now("2025-03-03T15:00");
		long later = this.fixture.raise("Solving later");
		this.fixture.answer(this.agent, later, TicketStatus.PENDING);

		this.fixture.now("2025-03-07T12:00");
		List<SolvingSoon> solving = this.reviews.daily().solvingSoon().rows();
		assertThat(solving).extracting(SolvingSoon::ticketId).contains(soon).doesNotContain(later);
		SolvingSoon line = line(solving, SolvingSoon::ticketId, soon);
		// five days without activity (helpdesk.pending.auto-solve-after)
		assertThat(line.solvesAt()).isEqualTo(line.pendingSince().plus(Duration.ofDays(5)));
		assertThat(line.pendingSince()).isEqualTo(this.fixture.ticket(this.agent, soon).pendingSince());

		this.fixture.now("2025-03-07T15:30");
		assertThat(this.reviews.daily().solvingSoon().rows()).extracting(SolvingSoon::ticketId).contains(soon, later);
	}

	@Test
	void slaBreachesSinceTheStartOfYesterdayAreListed() {
		long plan = this.admin.createPlan(TestData.unique("Review plan"), "One hour to answer", false, null);
		this.policies.setUp(plan, this.team.get().id(), 0.25, List
			.of(new SlaTarget(Priority.HIGH, SlaMetric.FIRST_REPLY, Duration.ofHours(1), false, SlaClock.ALWAYS)), null,
				null);
		Person requester = this.data.requester(
				this.admin.createClient(new ClientCommand(TestData.unique("Breaching"), plan, null, true), null));
		this.fixture.now("2025-03-06T10:00");
		long thursday = this.tickets.create(requester, TestData.bug(TestData.unique("Thursday bug")), List.of());
		this.fixture.now("2025-03-06T11:30");
		this.sweep.run();
		this.fixture.now("2025-03-10T10:00");
		long monday = this.tickets.create(requester, TestData.bug(TestData.unique("Monday bug")), List.of());
		this.fixture.now("2025-03-10T11:30");
		this.sweep.run();

		this.fixture.now("2025-03-11T09:00");
		List<Breach> breaches = this.reviews.daily().breaches().rows();
		assertThat(breaches).extracting(Breach::ticketId).contains(monday).doesNotContain(thursday);
		Breach breach = line(breaches, Breach::ticketId, monday);
		assertThat(breach.metric()).isEqualTo(SlaMetric.FIRST_REPLY);
		assertThat(breach.breachedAt()).isBetween(this.fixture.at("2025-03-10T11:00"),
				this.fixture.at("2025-03-10T11:01"));
		assertThat(breach.subject()).startsWith("Monday bug");
	}

	@Test
	void theWeeklyReviewGroupsTicketsUnresolvedForMoreThanAWeekByClientAndByGroup() {
		Person first = this.data.requester(this.data.client());
		Person second = this.data.requester(this.data.client());
		String firstClient = this.directory.client(first.clientId()).name();
		String secondClient = this.directory.client(second.clientId()).name();
		long group = this.data.group(this.agent);
		String groupName = this.directory.group(group).name();
		this.fixture.now("2025-04-01T10:00");
		long oldest = this.fixture.raise(first, "Oldest");
		long other = this.fixture.raise(second, "Other client");
		long escalated = this.fixture.raise(first, "Escalated");
		long solved = this.fixture.raise(first, "Solved");
		this.fixture.now("2025-04-02T10:00");
		this.tickets.triage(this.agent, escalated, this.fixture.ticket(this.agent, escalated).version(),
				new TriageChange(null, null, null, group, false, null, false, null, "Needs an expert"));
		this.fixture.answer(this.agent, solved, TicketStatus.SOLVED);
		this.fixture.now("2025-04-06T10:00");
		long recent = this.fixture.raise(first, "Recent");

		this.fixture.now("2025-04-09T11:00");
		WeeklyReview weekly = this.reviews.weekly();
		assertThat(weekly.weekOf()).isEqualTo(LocalDate.of(2025, 4, 7));
		Map<String, List<Long>> byClient = ids(weekly.byClient());
		assertThat(byClient.get(firstClient)).containsExactly(oldest, escalated);
		assertThat(byClient.get(secondClient)).containsExactly(other);
		assertThat(byClient.values().stream().flatMap(List::stream)).doesNotContain(solved, recent);
		Map<String, List<Long>> byGroup = ids(weekly.byGroup());
		assertThat(byGroup.get(groupName)).containsExactly(escalated);
		String intake = this.directory.defaultIntakeGroup().map((g) -> g.name()).orElse(null);
		assertThat(byGroup.get(intake)).contains(oldest, other).doesNotContain(escalated);

		Unresolved line = weekly.byClient()
			.stream()
			.flatMap((s) -> s.tickets().stream())
			.filter((t) -> t.ticketId() == escalated)
			.findFirst()
			.orElseThrow();
		assertThat(line.clientName()).isEqualTo(firstClient);
		assertThat(line.groupName()).isEqualTo(groupName);
		assertThat(line.age(weekly.now())).isGreaterThan(Duration.ofDays(8));
		assertThat(line.lastActivityAt()).isBetween(this.fixture.at("2025-04-02T10:00"),
				this.fixture.at("2025-04-02T10:01"));
		assertThat(line.followUp()).isNull();
	}

	@Test
	void aReviewIsMarkedDoneOncePerTeamDayByWhoeverComesFirst() {
		Person colleague = this.data.agent();
		this.fixture.now("2025-04-15T10:12");
		LocalDate today = LocalDate.of(2025, 4, 15);
		assertThat(this.reviews.daily().done()).isNull();

		ReviewDone done = this.reviews.markDone(ReviewKind.DAILY, today, this.agent);
		assertThat(done.doneBy()).isEqualTo(this.agent.name());
		assertThat(done.doneAt()).isBetween(this.fixture.at("2025-04-15T10:12"), this.fixture.at("2025-04-15T10:13"));
		assertThat(this.reviews.daily().done()).isEqualTo(done);
		assertThat(audit(done.id())).containsExactly("DAILY_DONE");

		this.fixture.now("2025-04-15T11:40");
		assertThatThrownBy(() -> this.reviews.markDone(ReviewKind.DAILY, today, colleague))
			.isInstanceOfSatisfying(ConflictException.class, (ex) -> {
				assertThat(ex.messageKey()).isEqualTo("review.done.already.DAILY");
				String time = DateTimeFormatter.ofPattern("HH:mm").withZone(colleague.zone()).format(done.doneAt());
				assertThat(ex.arguments()).containsExactly(this.agent.name(), time + " (" + colleague.timeZone() + ")");
			});
		// a page opened yesterday cannot mark today done
		assertThatThrownBy(() -> this.reviews.markDone(ReviewKind.DAILY, today.minusDays(1), colleague))
			.isInstanceOfSatisfying(ConflictException.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("review.done.periodChanged.DAILY"));
		assertThatThrownBy(
				() -> this.reviews.markDone(ReviewKind.DAILY, today, this.data.requester(this.data.client())))
			.isInstanceOf(AccessDeniedException.class);

		this.fixture.now("2025-04-16T09:30");
		assertThat(this.reviews.daily().done()).isNull();
		ReviewDone next = this.reviews.markDone(ReviewKind.DAILY, today.plusDays(1), colleague);
		assertThat(this.reviews.daily().recent()).extracting(ReviewDone::id).containsSubsequence(next.id(), done.id());

		// the weekly review is kept under the Monday of the team's week
		ReviewDone weekly = this.reviews.markDone(ReviewKind.WEEKLY, LocalDate.of(2025, 4, 14), colleague);
		assertThat(weekly.period()).isEqualTo(LocalDate.of(2025, 4, 14));
		assertThat(this.reviews.weekly().done()).isEqualTo(weekly);
		assertThatThrownBy(() -> this.reviews.markDone(ReviewKind.WEEKLY, LocalDate.of(2025, 4, 14), this.agent))
			.isInstanceOf(ConflictException.class);
	}

	private List<String> audit(long reviewId) {
		return this.jdbc.sql("select action from audit_event where entity_type = 'REVIEW' and entity_id = ?")
			.param(reviewId)
			.query(String.class)
			.list();
	}

	private static Map<String, List<Long>> ids(List<Section> sections) {
		Map<String, List<Long>> ids = new java.util.HashMap<>();
		for (Section section : sections) {
			ids.put(section.name(), section.tickets().stream().map(Unresolved::ticketId).toList());
		}
		return ids;
	}

	private static <T> T line(List<T> rows, ToLongFunction<T> id, long ticketId) {
		Optional<T> found = rows.stream().filter((r) -> id.applyAsLong(r) == ticketId).findFirst();
		assertThat(found).as("ticket %s is listed", ticketId).isPresent();
		return found.get();
	}

}
