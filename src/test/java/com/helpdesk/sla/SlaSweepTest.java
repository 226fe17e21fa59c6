package com.helpdesk.sla;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaFixture.Plan;
import com.helpdesk.sla.internal.SlaSweep;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.QueueFilter;
import com.helpdesk.ticket.QueueView;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketRow;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.helpdesk.sla.SlaFixture.business;
import static com.helpdesk.sla.SlaFixture.standardWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA sweep: marking breaches, giving each notice once to whoever holds the ticket,
 * replaying tickets whose plan changed, and the queues it feeds.
 * <p>
 * The sweep looks at the whole shared database, so these tests live in January 2026,
 * before the dates of every other SLA test and long before the tickets other tests raise
 * (at the real time): a sweep then finds due only the tickets made here. London calendar
 * (Mon–Fri 10:00–18:00), standard targets: HIGH first reply 2h, resolution 8h (at risk
 * after 75%: 1h30 and 6h); CRITICAL 30 min and 4h 24/7; NORMAL end of business day.
 * 2026-01-13 is a Tuesday.
 */
@IntegrationTest
class SlaSweepTest {

	@Autowired
	SlaSweep sweep;

	@Autowired
	SlaService sla;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	SlaPolicies policies;

	@Autowired
	Calendars calendars;

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

	SlaFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new SlaFixture(this.calendars, this.policies, this.admin, this.directory);
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aDueActiveMetricIsMarkedBreachedAtItsDueTime() {
		Person requester = this.data.requester(this.fixture.client(this.fixture.plan(Plan.STANDARD)));
		at("2026-01-13T10:00");
		long id = raise(requester, Priority.HIGH);
		assertThat(metric(id, SlaMetric.FIRST_REPLY).state()).isEqualTo("ACTIVE");

		sweepAt("2026-01-13T12:30");
		Metric first = metric(id, SlaMetric.FIRST_REPLY);
		assertThat(first.state()).isEqualTo("BREACHED");
		assertThat(first.breachedAt()).as("breached_at = due_at").isEqualTo(first.dueAt());
		assertThat(minute(first.dueAt())).isEqualTo(london("2026-01-13T12:00"));
		Metric resolution = metric(id, SlaMetric.RESOLUTION);
		assertThat(resolution.state()).isEqualTo("ACTIVE");
		assertThat(resolution.breachedAt()).isNull();
		assertThat(minute(resolution.dueAt())).isEqualTo(london("2026-01-13T18:00"));
		Map<String, Object> ticket = slaTicket(id);
		assertThat(ticket.get("breached")).isEqualTo(true);
		assertThat(minute((Timestamp) ticket.get("next_due_at"))).isEqualTo(london("2026-01-13T18:00"));
		// what the sweep stored is what a replay at the same moment gives
		assertThat(this.sla.clocks(id)).filteredOn((l) -> l.metric() == SlaMetric.FIRST_REPLY)
			.singleElement()
			.satisfies((l) -> {
				assertThat(l.state()).isEqualTo(SlaState.BREACHED);
				assertThat(l.breachedAt()).isEqualTo(first.breachedAt().toInstant());
			});
	}

	@Test
	void eachBreachAndEachAtRiskMetricIsToldOnceToTheAssignee() {
		Person requester = this.data.requester(this.fixture.client(this.fixture.plan(Plan.STANDARD)));
		Person agent = this.data.agent();
		Person colleague = this.data.agent();
		at("2026-01-14T10:00");
		long id = raise(requester, Priority.HIGH);
		at("2026-01-14T10:05");
		this.tickets.triage(colleague, id, version(colleague, id), TriageChange.take(agent.id()));

		// first reply at risk from 11:30 (1h30 of 2h used), breached at 12:00;
		// resolution at risk from 16:00 (6h of 8h), breached at 18:00;
		// each moment swept twice
		sweepTwiceAt("2026-01-14T11:45");
		assertThat(notices(id)).containsExactly("FIRST_REPLY/AT_RISK");
		sweepTwiceAt("2026-01-14T12:30");
		sweepTwiceAt("2026-01-14T16:30");
		sweepTwiceAt("2026-01-14T18:30");
		assertThat(notices(id)).containsExactlyInAnyOrder("FIRST_REPLY/AT_RISK", "FIRST_REPLY/BREACHED",
				"RESOLUTION/AT_RISK", "RESOLUTION/BREACHED");

		assertThat(inbox(agent, id)).containsExactlyInAnyOrder("SLA_AT_RISK", "SLA_BREACHED", "SLA_AT_RISK",
				"SLA_BREACHED");
		assertThat(mails(agent, id)).hasSize(4)
			.filteredOn((subject) -> subject.contains(" breached: "))
			.containsExactlyInAnyOrder("[#" + id + "] First reply breached: " + subjectOf(id),
					"[#" + id + "] Resolution breached: " + subjectOf(id));
		assertThat(mails(agent, id)).filteredOn((subject) -> subject.contains(" at risk: ")).hasSize(2);
		assertThat(inbox(colleague, id)).as("only the assignee is told").isEmpty();

		// who held the ticket when it breached is kept when it changes hands
		at("2026-01-14T18:40");
		this.tickets.triage(colleague, id, version(colleague, id), TriageChange.take(colleague.id()));
		assertThat(this.jdbc.sql("""
				select metric || ':' || assignee_id || ':' || breach_assignee_id from sla_metric where ticket_id = ?
				""").param(id).query(String.class).list()).containsExactlyInAnyOrder(
				"FIRST_REPLY:" + colleague.id() + ":" + agent.id(), "RESOLUTION:" + colleague.id() + ":" + agent.id());
		assertThat(this.jdbc.sql("select count(*) from inbox_item where ticket_id = ? and user_id <> ?")
			.params(id, agent.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withNoAssigneeEveryMemberOfTheGroupIsTold() {
		Person requester = this.data.requester(this.fixture.client(this.fixture.plan(Plan.STANDARD)));
		Person first = this.data.agent();
		Person second = this.data.agent();
		Person triager = this.data.agent();
		long group = this.data.group(first, second);
		at("2026-01-15T10:00");
		long id = raise(requester, Priority.HIGH);
		at("2026-01-15T10:05");
		this.tickets.triage(triager, id, version(triager, id),
				new TriageChange(null, null, null, group, false, null, false, null, "Needs the platform team"));

		sweepTwiceAt("2026-01-15T12:30");
		assertThat(notices(id)).containsExactly("FIRST_REPLY/BREACHED");
		for (Person member : List.of(first, second)) {
			assertThat(inbox(member, id)).as(member.email()).containsExactly("SLA_BREACHED");
			assertThat(mails(member, id)).as(member.email())
				.containsExactly("[#" + id + "] First reply breached: " + subjectOf(id));
		}
		assertThat(inbox(triager, id)).isEmpty();
		assertThat(mails(triager, id)).isEmpty();
	}

	@Test
	void aTargetChangeMakesTheOpenTicketsOfThePlanStaleAndTheSweepRecomputesThem() {
		long plan = this.fixture.plan(Plan.OWN);
		long client = this.fixture.client(plan);
		Person requester = this.data.requester(client);
		Person agent = this.data.agent();
		at("2026-01-16T10:00");
		long open = raise(requester, Priority.HIGH);
		long solved = raise(requester, Priority.HIGH);
		at("2026-01-16T10:10");
		this.tickets.reply(agent, solved, null, "Done", TicketStatus.SOLVED, List.of());

		at("2026-01-16T10:30");
		this.fixture.changePlan(plan, this.fixture.londonCalendar(),
				standardWith(business(Priority.HIGH, SlaMetric.FIRST_REPLY, "PT4H")));
		assertThat(slaTicket(open).get("stale")).isEqualTo(true);
		assertThat(slaTicket(solved).get("stale")).as("solved tickets are left alone").isEqualTo(false);
		assertThat(minute(metric(open, SlaMetric.FIRST_REPLY).dueAt())).as("not yet recomputed")
			.isEqualTo(london("2026-01-16T12:00"));

		sweepAt("2026-01-16T10:31");
		assertThat(slaTicket(open).get("stale")).isEqualTo(false);
		assertThat(minute(metric(open, SlaMetric.FIRST_REPLY).dueAt())).as("10:00 + 4h")
			.isEqualTo(london("2026-01-16T14:00"));
		assertThat(minute((Timestamp) slaTicket(open).get("next_due_at"))).isEqualTo(london("2026-01-16T14:00"));
		Metric solvedFirst = metric(solved, SlaMetric.FIRST_REPLY);
		assertThat(solvedFirst.state()).isEqualTo("FULFILLED");
		assertThat(minute(solvedFirst.dueAt())).isEqualTo(london("2026-01-16T12:00"));
	}

	@Test
	void aClientMovedToAnotherPlanHasItsOpenTicketsRecomputedByTheSweep() {
		long fast = this.fixture.plan(Plan.FAST);
		long client = this.fixture.client(this.fixture.plan(Plan.STANDARD));
		Person requester = this.data.requester(client);
		at("2026-01-19T10:00");
		long id = raise(requester, Priority.HIGH);
		at("2026-01-19T10:30");
		this.fixture.moveClient(client, fast);
		assertThat(slaTicket(id).get("stale")).isEqualTo(true);

		sweepAt("2026-01-19T10:31");
		assertThat(slaTicket(id).get("stale")).isEqualTo(false);
		Metric first = metric(id, SlaMetric.FIRST_REPLY);
		assertThat(minute(first.dueAt())).as("fast plan: 10:00 + 1h").isEqualTo(london("2026-01-19T11:00"));
		assertThat(first.planId()).isEqualTo(fast);
	}

	@Test
	void breachingSoonListsWhatIsAtRiskSoonestDueFirstAndBreachedListsTheBreached() {
		long client = this.fixture.client(this.fixture.plan(Plan.STANDARD));
		Person requester = this.data.requester(client);
		Person agent = this.data.agent();
		at("2026-01-20T10:00");
		// first reply by 18:00
		long normal = take(agent, raise(requester, Priority.NORMAL));
		at("2026-01-20T10:30");
		// first reply by 12:30
		long high = take(agent, raise(requester, Priority.HIGH));
		at("2026-01-20T11:00");
		// first reply by 11:30, resolution by 15:00
		long critical = take(agent, raise(requester, Priority.CRITICAL));
		at("2026-01-20T11:10");
		// no clocks
		long low = take(agent, raise(requester, Priority.LOW));
		at("2026-01-20T11:20");
		long solved = take(agent, raise(requester, Priority.HIGH));
		at("2026-01-20T11:25");
		this.tickets.reply(agent, solved, null, "Done", TicketStatus.SOLVED, List.of());

		// only what is at risk (less than a quarter of its time left), not every running
		// clock: the critical ticket's first reply (due 11:30) is
		assertThat(view(agent, QueueView.BREACHING_SOON, client)).containsExactly(critical)
			.doesNotContain(high, normal, low, solved);
		assertThat(view(agent, QueueView.BREACHED, client)).isEmpty();

		sweepAt("2026-01-20T12:00");
		assertThat(view(agent, QueueView.BREACHED, client)).containsExactly(critical);
		// the critical ticket's first reply breached and its resolution (15:00) is not
		// at risk until 14:00; the high one's first reply (12:30) is at risk from 12:00
		assertThat(view(agent, QueueView.BREACHING_SOON, client)).containsExactly(high);

		sweepAt("2026-01-20T16:00");
		// the normal one's first reply is due at the end of the day; the others have
		// breached, or their resolution is not yet at risk
		assertThat(view(agent, QueueView.BREACHING_SOON, client)).containsExactly(normal);
		assertThat(view(agent, QueueView.BREACHED, client)).containsExactlyInAnyOrder(critical, high);
	}

	@Test
	void afterTheSweepTheDueTagNamesTheMetricDueNext() {
		Person requester = this.data.requester(this.fixture.client(this.fixture.plan(Plan.STANDARD)));
		at("2026-01-21T11:00");
		long id = raise(requester, Priority.CRITICAL);
		sweepAt("2026-01-21T12:00");
		SlaSummary swept = this.sla.summaries(List.of(id)).get(id);
		assertThat(swept.breached()).isTrue();
		assertThat(minute(Timestamp.from(swept.nextDueAt()))).isEqualTo(london("2026-01-21T15:00"));
		this.sla.recompute(id);
		SlaSummary replayed = this.sla.summaries(List.of(id)).get(id);
		assertThat(replayed.nextMetric()).isEqualTo(SlaMetric.RESOLUTION);
		assertThat(swept.nextMetric()).as("the metric due at %s", swept.nextDueAt()).isEqualTo(SlaMetric.RESOLUTION);
		assertThat(swept.atRiskAt()).isEqualTo(replayed.atRiskAt());
	}

	@Test
	void aHolidayAddedToThePlansCalendarMovesTheDueTimeTheSweepActsOn() {
		long calendar = this.calendars.create(new CalendarCommand(TestData.unique("SLA closing"), "Europe/London",
				List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
					.stream()
					.map((day) -> new OpeningHours(day, LocalTime.of(10, 0), LocalTime.of(18, 0)))
					.toList(),
				List.of()), null);
		long client = this.fixture.client(this.fixture.newPlan("SLA closing", calendar, SlaFixture.standard()));
		Person requester = this.data.requester(client);
		at("2026-01-22T17:00");
		long id = raise(requester, Priority.HIGH);
		// 1h on Thu + 1h on Fri: due Fri 23 Jan 11:00
		assertThat(minute(metric(id, SlaMetric.FIRST_REPLY).dueAt())).isEqualTo(london("2026-01-23T11:00"));

		at("2026-01-22T17:30");
		this.calendars.addHolidays(calendar, List.of(new Holiday(LocalDate.of(2026, 1, 23), "Office closed")), null);
		// now 1h on Thu + 1h on Mon 26 Jan: due Mon 11:00, as the replay says
		assertThat(this.sla.clocks(id)).filteredOn((l) -> l.metric() == SlaMetric.FIRST_REPLY)
			.singleElement()
			.satisfies((l) -> assertThat(minute(l.dueAt())).isEqualTo(london("2026-01-26T11:00")));

		sweepAt("2026-01-23T12:00");
		assertThat(metric(id, SlaMetric.FIRST_REPLY).state()).as("not due before Monday").isEqualTo("ACTIVE");
		assertThat(notices(id)).isEmpty();
	}

	// --- helpers ---

	record Metric(String state, Timestamp dueAt, Timestamp breachedAt, Long planId) {
	}

	/**
	 * Sets the clock a little before this London time (see
	 * {@link SlaScenarioRunner#LEAD}).
	 */
	private void at(String local) {
		this.clock.set(SlaScenario.instant(local, SlaFixture.LONDON).minus(SlaScenarioRunner.LEAD));
	}

	private void sweepAt(String local) {
		this.clock.set(SlaScenario.instant(local, SlaFixture.LONDON));
		this.sweep.run();
	}

	private void sweepTwiceAt(String local) {
		sweepAt(local);
		this.sweep.run();
	}

	private long raise(Person requester, Priority priority) {
		return this.tickets.create(
				requester, new NewTicket(RequestType.QUESTION, TestData.unique("Sweep " + priority),
						"Something to answer", "Looked in the manual", priority, RequestDetails.none(), null),
				List.of());
	}

	private long take(Person agent, long id) {
		this.tickets.triage(agent, id, version(agent, id), TriageChange.take(agent.id()));
		return id;
	}

	private long version(Person viewer, long id) {
		return this.queries.ticket(viewer, id).version();
	}

	private String subjectOf(long id) {
		return this.queries.summary(id).subject();
	}

	private Metric metric(long ticketId, SlaMetric metric) {
		return this.jdbc
			.sql("""
					select state, due_at, breached_at, plan_id from sla_metric where ticket_id = ? and metric = ? and cycle = 1
					""")
			.params(ticketId, metric.name())
			.query((rs, n) -> new Metric(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3),
					(Long) rs.getObject(4)))
			.single();
	}

	private Map<String, Object> slaTicket(long ticketId) {
		return this.jdbc.sql("select * from sla_ticket where ticket_id = ?").param(ticketId).query().singleRow();
	}

	private List<String> notices(long ticketId) {
		return this.jdbc.sql("select metric || '/' || kind from sla_notice where ticket_id = ? order by at, metric")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	private List<String> inbox(Person person, long ticketId) {
		return this.jdbc.sql("""
				select kind from inbox_item where user_id = ? and ticket_id = ? and kind like 'SLA%' order by id
				""").params(person.id(), ticketId).query(String.class).list();
	}

	private List<String> mails(Person person, long ticketId) {
		return this.jdbc.sql("""
				select subject from mail_outbox where recipient = ? and subject like ?
				    and (subject like '% breached: %' or subject like '% at risk: %') order by id
				""").params(person.email(), "[#" + ticketId + "]%").query(String.class).list();
	}

	private List<Long> view(Person agent, QueueView view, long clientId) {
		return this.queries
			.page(agent, new QueueFilter(view, null, null, null, null, clientId, null, null, null, 100), null)
			.rows()
			.stream()
			.map(TicketRow::id)
			.toList();
	}

	private static ZonedDateTime minute(Timestamp timestamp) {
		return (timestamp != null) ? minute(timestamp.toInstant()) : null;
	}

	private static ZonedDateTime minute(Instant instant) {
		return instant.plusSeconds(30).truncatedTo(ChronoUnit.MINUTES).atZone(SlaFixture.LONDON);
	}

	private static ZonedDateTime london(String local) {
		return minute(SlaScenario.instant(local, SlaFixture.LONDON));
	}

}
