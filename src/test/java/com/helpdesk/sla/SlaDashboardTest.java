package com.helpdesk.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaDashboard.Counting;
import com.helpdesk.sla.SlaFixture.Plan;
import com.helpdesk.sla.SlaReport.Filter;
import com.helpdesk.sla.SlaReport.MetricTotal;
import com.helpdesk.sla.internal.SlaRollup;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's counts from the hourly table ({@code sla_outcome_hour} and the
 * differences not yet folded into it) are the counts of the metrics themselves, whatever
 * happens to the metrics (new outcomes, a group move, a breach taken back, a metric
 * removed), before and after the sweep folds, in zones with and without whole-hour
 * offsets and with every kind of filter.
 * <p>
 * The outcomes here are in March and April 2025 (London's clocks went forward on 30
 * March), before every other test's dates.
 */
@IntegrationTest
class SlaDashboardTest {

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("UTC"),
			ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Adelaide"));

	private static final LocalDateTime FIRST = LocalDateTime.of(2025, 3, 1, 0, 0);

	@Autowired
	SlaDashboard dashboard;

	@Autowired
	SlaRollup rollup;

	@Autowired
	TicketService tickets;

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
	JdbcClient jdbc;

	SlaFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new SlaFixture(this.calendars, this.policies, this.admin, this.directory);
	}

	@Test
	void aClientsWeeksAreCountedFromTheHourlyTableAsTheyHappened() {
		long plan = this.fixture.plan(Plan.STANDARD);
		long client = this.fixture.client(plan);
		long ticket = raise(this.data.requester(client));
		long group = this.data.group();
		ZoneId london = ZoneId.of("Europe/London");
		// Mon 3 Mar 2025: two first replies met; Tue 11 Mar: one breached, one met late
		// at night
		insert(ticket, client, plan, SlaMetric.FIRST_REPLY, 1001, at("2025-03-03T10:15", london), false, Priority.HIGH,
				"QUESTION", group);
		insert(ticket, client, plan, SlaMetric.FIRST_REPLY, 1002, at("2025-03-03T17:59", london), false, Priority.HIGH,
				"QUESTION", group);
		insert(ticket, client, plan, SlaMetric.RESOLUTION, 1003, at("2025-03-11T12:00", london), true, Priority.HIGH,
				"QUESTION", group);
		insert(ticket, client, plan, SlaMetric.NEXT_REPLY, 1004, at("2025-03-16T23:30", london), false, Priority.LOW,
				"INCIDENT", null);

		this.rollup.fold();
		assertThat(this.jdbc.sql("select count(*) from sla_outcome_delta where client_id = ?")
			.param(client)
			.query(Long.class)
			.single()).as("all folded").isZero();
		assertThat(this.jdbc.sql("select sum(met + breached) from sla_outcome_hour where dim = 'client' and val = ?")
			.param(String.valueOf(client))
			.query(Long.class)
			.single()).isEqualTo(4);

		SlaReport report = this.dashboard.report(
				filter(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 16), client, null, null, null, null), london);
		assertThat(report.totals()).containsExactly(new MetricTotal(SlaMetric.FIRST_REPLY, 2, 0),
				new MetricTotal(SlaMetric.NEXT_REPLY, 1, 0), new MetricTotal(SlaMetric.RESOLUTION, 0, 1));
		assertThat(report.weeks()).hasSize(2);
		assertThat(report.weeks().get(0).start()).isEqualTo(LocalDate.of(2025, 3, 3));
		assertThat(report.weeks().get(0).metrics()).containsExactly(new MetricTotal(SlaMetric.FIRST_REPLY, 2, 0),
				new MetricTotal(SlaMetric.NEXT_REPLY, 0, 0), new MetricTotal(SlaMetric.RESOLUTION, 0, 0));
		assertThat(report.weeks().get(1).metrics()).containsExactly(new MetricTotal(SlaMetric.FIRST_REPLY, 0, 0),
				new MetricTotal(SlaMetric.NEXT_REPLY, 1, 0), new MetricTotal(SlaMetric.RESOLUTION, 0, 1));

		// the same from the group's row: the INCIDENT had no group
		SlaReport byGroup = this.dashboard
			.report(filter(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 16), null, null, null, group, null), london);
		assertThat(byGroup.totals()).containsExactly(new MetricTotal(SlaMetric.FIRST_REPLY, 2, 0),
				new MetricTotal(SlaMetric.NEXT_REPLY, 0, 0), new MetricTotal(SlaMetric.RESOLUTION, 0, 1));

		// the Sunday 23:30 next reply is Monday 05:00 in Kolkata, after the period
		SlaReport inKolkata = this.dashboard.report(
				filter(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 16), client, null, null, null, null),
				ZoneId.of("Asia/Kolkata"));
		assertThat(inKolkata.totals()).containsExactly(new MetricTotal(SlaMetric.FIRST_REPLY, 2, 0),
				new MetricTotal(SlaMetric.NEXT_REPLY, 0, 0), new MetricTotal(SlaMetric.RESOLUTION, 0, 1));
	}

	@Test
	void theBreachListShowsTheLatestFewWhileTheTotalsCountThemAll() {
		long plan = this.fixture.plan(Plan.STANDARD);
		long client = this.fixture.client(plan);
		long ticket = raise(this.data.requester(client));
		ZoneId london = ZoneId.of("Europe/London");
		int breaches = SlaDashboard.LIST_LIMIT + 5;
		for (int i = 0; i < breaches; i++) {
			insert(ticket, client, plan, SlaMetric.NEXT_REPLY, 2000 + i,
					at("2025-03-04T10:00", london).plusSeconds(60L * i), true, Priority.NORMAL, "QUESTION", null);
		}
		this.rollup.fold();

		SlaReport report = this.dashboard
			.report(filter(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9), client, null, null, null, null), london);

		assertThat(report.totals()).contains(new MetricTotal(SlaMetric.NEXT_REPLY, 0, breaches));
		assertThat(report.breaches()).hasSize(SlaDashboard.LIST_LIMIT);
		// the latest first: the last five of the thirty are the first shown
		assertThat(report.breaches().get(0).breachedAt())
			.isEqualTo(at("2025-03-04T10:00", london).plusSeconds(60L * (breaches - 1)));
	}

	@Test
	void theHourlyCountsAreTheCountsOfTheMetricsWhateverHappensToThem() {
		long plan = this.fixture.plan(Plan.STANDARD);
		long otherPlan = this.fixture.plan(Plan.FAST);
		long client = this.fixture.client(plan);
		long other = this.fixture.client(otherPlan);
		long[] ticketIds = { raise(this.data.requester(client)), raise(this.data.requester(client)),
				raise(this.data.requester(other)) };
		long[] clientOf = { client, client, other };
		long[] planOf = { plan, plan, otherPlan };
		Long[] groups = { this.data.group(), this.data.group(), null };
		Random random = new Random(20250301);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			int t = random.nextInt(3);
			Instant outcome = FIRST.plusMinutes(random.nextInt(61 * 24 * 60)).toInstant(java.time.ZoneOffset.UTC);
			ids.add(insert(ticketIds[t], clientOf[t], planOf[t], SlaMetric.values()[random.nextInt(3)], 2000 + i,
					outcome, random.nextInt(4) == 0, Priority.values()[random.nextInt(4)],
					RequestType.values()[random.nextInt(RequestType.values().length)].name(),
					groups[random.nextInt(3)]));
		}
		List<Filter> filters = filters(client, plan, groups[0]);
		sameCounts(filters, "before any fold");

		this.rollup.fold();
		sameCounts(filters, "after folding");

		for (int i = 0; i < 60; i++) {
			long id = ids.get(random.nextInt(ids.size()));
			switch (i % 4) {
				case 0 -> this.jdbc.sql("update sla_metric set group_id = ? where id = ?")
					.params(groups[random.nextInt(3)], id)
					.update();
				case 1 -> this.jdbc.sql("""
						update sla_metric set breached_at = null, state = 'FULFILLED',
						    fulfilled_at = coalesce(fulfilled_at, breached_at) where id = ?
						""").param(id).update();
				case 2 -> this.jdbc.sql("""
						update sla_metric set fulfilled_at = fulfilled_at + interval '3 days',
						    breached_at = breached_at + interval '90 minutes' where id = ?
						""").param(id).update();
				default -> this.jdbc.sql("delete from sla_metric where id = ?").param(id).update();
			}
			if (i == 30) {
				this.rollup.fold();
			}
		}
		// a statement touching many metrics at once, as the sweep's is
		this.jdbc.sql("update sla_metric set priority = 'LOW' where ticket_id = any(?) and cycle % 7 = 0")
			.param(new Long[] { ticketIds[0], ticketIds[2] })
			.update();
		sameCounts(filters, "with changes partly folded");

		this.rollup.fold();
		sameCounts(filters, "after folding the changes");
	}

	@Test
	void hourlyCountsServeZonesWhoseDaysStartOnWholeHours() {
		Instant from = Instant.parse("2025-01-01T00:00:00Z");
		Instant to = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Europe/London"), from, to)).isTrue();
		assertThat(SlaDashboard.wholeHours(ZoneId.of("America/New_York"), from, to)).isTrue();
		assertThat(SlaDashboard.wholeHours(ZoneId.of("UTC"), from, to)).isTrue();
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Asia/Kolkata"), from, to)).isFalse();
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Asia/Kathmandu"), from, to)).isFalse();
		// Adelaide is +10:30 in summer and +9:30 in winter
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Australia/Adelaide"), from, to)).isFalse();
		// Lord Howe moves by half an hour: +11 in summer, +10:30 in winter
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Australia/Lord_Howe"), Instant.parse("2025-01-01T00:00:00Z"),
				Instant.parse("2025-02-01T00:00:00Z")))
			.isTrue();
		assertThat(SlaDashboard.wholeHours(ZoneId.of("Australia/Lord_Howe"), from, to)).isFalse();
	}

	private void sameCounts(List<Filter> filters, String when) {
		for (ZoneId zone : ZONES) {
			for (Filter filter : filters) {
				SlaReport fast = this.dashboard.report(filter, zone, Counting.FASTEST);
				SlaReport counted = this.dashboard.report(filter, zone, Counting.METRICS);
				assertThat(fast.totals()).as("totals %s, %s, %s", when, zone, filter).isEqualTo(counted.totals());
				assertThat(fast.weeks()).as("weeks %s, %s, %s", when, zone, filter).isEqualTo(counted.weeks());
			}
		}
		SlaReport everything = this.dashboard.report(filters.get(0), ZoneId.of("UTC"), Counting.METRICS);
		assertThat(everything.totals().stream().mapToLong(MetricTotal::total).sum()).as("something to count")
			.isPositive();
	}

	private static List<Filter> filters(long client, long plan, long group) {
		LocalDate from = LocalDate.of(2025, 2, 24);
		LocalDate to = LocalDate.of(2025, 5, 11);
		return List.of(filter(from, to, null, null, null, null, null), filter(from, to, client, null, null, null, null),
				filter(from, to, null, plan, null, null, null), filter(from, to, null, null, Priority.HIGH, null, null),
				filter(from, to, null, null, null, group, null), filter(from, to, null, null, null, null, "INCIDENT"),
				filter(from, to, client, null, Priority.NORMAL, null, null),
				filter(LocalDate.of(2025, 3, 27), LocalDate.of(2025, 4, 2), client, null, null, null, null));
	}

	private static Filter filter(LocalDate from, LocalDate to, Long client, Long plan, Priority priority, Long group,
			String type) {
		return new Filter(from, to, client, plan, priority, group, type);
	}

	private long insert(long ticketId, long clientId, long planId, SlaMetric metric, int cycle, Instant outcome,
			boolean breached, Priority priority, String type, Long groupId) {
		Timestamp at = Timestamp.from(outcome);
		Timestamp started = Timestamp.from(outcome.minusSeconds(3600));
		return this.jdbc.sql("""
				insert into sla_metric (ticket_id, metric, cycle, state, target, clock, target_seconds, started_at,
				    due_at, at_risk_at, fulfilled_at, breached_at, used_seconds, paused_seconds, client_id, plan_id,
				    priority, type, group_id, assignee_id, breach_assignee_id, breach_group_id)
				values (:ticket, :metric, :cycle, :state, '1 h', 'BUSINESS', 3600, :started, :due, null, :fulfilled,
				    :breached, 3600, 0, :client, :plan, :priority, :type, :group, null, null, :group)
				returning id
				""")
			.param("ticket", ticketId)
			.param("metric", metric.name())
			.param("cycle", cycle)
			.param("state", breached ? "BREACHED" : "FULFILLED")
			.param("started", started)
			.param("due", breached ? at : Timestamp.from(outcome.plusSeconds(600)))
			.param("fulfilled", breached ? null : at)
			.param("breached", breached ? at : null)
			.param("client", clientId)
			.param("plan", planId)
			.param("priority", priority.name())
			.param("type", type)
			.param("group", groupId)
			.query(Long.class)
			.single();
	}

	private long raise(Person requester) {
		return this.tickets.create(requester, new NewTicket(RequestType.QUESTION, TestData.unique("Dashboard"),
				"Something to count", "Looked in the manual", Priority.NORMAL, RequestDetails.none(), null), List.of());
	}

	private static Instant at(String local, ZoneId zone) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
