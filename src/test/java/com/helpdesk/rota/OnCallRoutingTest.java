package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Out-of-hours routing with an injected clock: a critical ticket from a client with 24/7
 * cover goes to whoever is on call at once, escalates to the secondary and then the
 * managers when nobody acknowledges it within 15 minutes, and stops escalating once the
 * person paged (or a manager) answers; anything else waits for opening hours; in hours a
 * first-line rota can hand its group's new tickets round.
 */
@IntegrationTest
class OnCallRoutingTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	OnCallRouting routing;

	@Autowired
	Rotas rotas;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	com.helpdesk.support.RotaFixture rotaFixture;

	@Autowired
	MovableClock clock;

	@Autowired
	OnCallReports reports;

	@Autowired
	JdbcClient jdbc;

	Person ann;

	Person bob;

	Person requester;

	Person ordinaryRequester;

	long calendar;

	long tier1;

	@BeforeEach
	void setUp() {
		this.ann = this.data.agent();
		this.bob = this.data.agent();
		this.tier1 = this.directory.defaultIntakeGroup().orElseThrow().id();
		this.requester = this.rotaFixture.allHoursRequester();
		this.ordinaryRequester = this.data.requester(this.data.client());
		this.calendar = this.rotaFixture.teamHours();
		// Ann on call the week from Wednesday 6 January 2027, Bob the week after
		this.rotas.create(
				new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
						"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.calendar, this.tier1, true,
						false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(this.ann.id(), this.bob.id())))),
				null);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	long raise(Person who, RequestType type, Priority priority) {
		RequestDetails details = (type == RequestType.INCIDENT) ? new RequestDetails(null, null, null, null, null, null,
				null, null, "Site down for everyone", this.clock.instant().minusSeconds(600), "Shop", null, null, null)
				: RequestDetails.none();
		return this.tickets.create(who,
				new NewTicket(type, TestData.unique("Night"), "It broke", "Restarted it", priority, details, null),
				List.of());
	}

	@Test
	void aCriticalTicketFromAClientWithAllHoursCoverGoesToWhoeverIsOnCallAtOnce() {
		this.clock.set(london("2027-01-09T02:00"));
		long id = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);

		assertThat(this.queries.summary(id).assigneeId()).isEqualTo(this.ann.id());
		assertThat(this.routing.pages(id)).singleElement().satisfies((p) -> {
			assertThat(p.personId()).isEqualTo(this.ann.id());
			assertThat(p.level()).isZero();
		});
		assertThat(inbox(this.ann, id)).containsExactly("ONCALL_PAGE");

		// an incident is critical whatever its priority
		long incident = raise(this.requester, RequestType.INCIDENT, Priority.HIGH);
		assertThat(this.queries.summary(incident).assigneeId()).isEqualTo(this.ann.id());
	}

	@Test
	void anythingElseWaitsForOpeningHours() {
		this.clock.set(london("2027-01-09T02:00"));
		long normal = raise(this.requester, RequestType.QUESTION, Priority.NORMAL);
		long noCover = raise(this.ordinaryRequester, RequestType.QUESTION, Priority.CRITICAL);
		this.clock.set(london("2027-01-11T11:00"));
		long inHours = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);
		for (long id : List.of(normal, noCover, inHours)) {
			assertThat(this.queries.summary(id).assigneeId()).as("ticket %d", id).isNull();
			assertThat(this.routing.pages(id)).isEmpty();
		}
	}

	@Test
	void unacknowledgedItEscalatesToTheSecondaryThenTheManagersOnce() {
		Person manager = this.data.person(Role.MANAGER, null);
		this.clock.set(london("2027-01-09T02:00"));
		long id = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);

		this.clock.set(london("2027-01-09T02:10"));
		this.routing.escalateDue();
		assertThat(this.routing.pages(id)).hasSize(1);

		this.clock.set(london("2027-01-09T02:16"));
		this.routing.escalateDue();
		// the secondary is whoever is on call next: Bob
		assertThat(this.routing.pages(id)).extracting(OnCallRouting.Page::level).containsExactly(0, 1);
		assertThat(this.routing.pages(id).get(1).personId()).isEqualTo(this.bob.id());
		assertThat(this.queries.summary(id).assigneeId()).isEqualTo(this.bob.id());
		assertThat(inbox(this.bob, id)).containsExactly("ONCALL_PAGE");

		this.clock.set(london("2027-01-09T02:32"));
		this.routing.escalateDue();
		this.routing.escalateDue();
		assertThat(this.routing.pages(id).stream().filter((p) -> p.level() == 2).map(OnCallRouting.Page::personId))
			.contains(manager.id());
		assertThat(inbox(manager, id)).containsExactly("ONCALL_PAGE");
		this.clock.set(london("2027-01-09T03:32"));
		this.routing.escalateDue();
		assertThat(inbox(manager, id)).as("told once").hasSize(1);
	}

	@Test
	void aReplyOrIAmOnItStopsTheEscalation() {
		this.clock.set(london("2027-01-09T02:00"));
		long replied = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);
		long acknowledged = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);
		this.clock.set(london("2027-01-09T02:05"));
		this.tickets.reply(this.ann, replied, null, "Looking at it now.", TicketStatus.OPEN, List.of());
		this.routing.acknowledge(acknowledged, this.ann);

		this.clock.set(london("2027-01-09T02:30"));
		this.routing.escalateDue();
		for (long id : List.of(replied, acknowledged)) {
			assertThat(this.routing.pages(id)).singleElement().satisfies((p) -> {
				assertThat(p.acknowledgedAt()).isBetween(london("2027-01-09T02:05"), london("2027-01-09T02:06"));
				assertThat(p.escalatedAt()).isNull();
			});
			assertThat(this.queries.summary(id).assigneeId()).isEqualTo(this.ann.id());
		}

		// Ann logs her time; the month's on-call hours report counts both incidents
		this.clock.set(london("2027-01-09T03:00"));
		this.routing.logTime(replied, this.ann, 45);
		this.routing.logTime(acknowledged, this.ann, 20);
		assertThat(this.routing.pages(replied).get(0).minutesOf(this.ann.id())).isEqualTo(45);
		assertThatThrownBy(() -> this.routing.logTime(replied, this.ann, 0))
			.isInstanceOf(com.helpdesk.shared.InvalidInputException.class);
		assertThatThrownBy(() -> this.routing.logTime(replied, this.bob, 10))
			.isInstanceOf(com.helpdesk.shared.InvalidInputException.class);
		HoursReport.Line line = this.reports.report(java.time.YearMonth.of(2027, 1))
			.lines()
			.stream()
			.filter((l) -> l.personId() == this.ann.id())
			.findFirst()
			.orElseThrow();
		assertThat(line.incidents()).isEqualTo(2);
		assertThat(line.timeSpent()).isEqualTo(java.time.Duration.ofMinutes(65));
	}

	@Test
	void onlyThePersonPagedOrAManagerAcknowledgesAndTimeLoggedIsTheLoggersOwn() {
		Person manager = this.data.person(Role.MANAGER, null);
		this.clock.set(london("2027-01-09T02:00"));
		long id = raise(this.requester, RequestType.QUESTION, Priority.CRITICAL);
		this.clock.set(london("2027-01-09T02:03"));

		// a colleague who was not paged can neither acknowledge nor stop it by replying
		assertThatThrownBy(() -> this.routing.acknowledge(id, this.bob))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		this.tickets.reply(this.bob, id, null, "Someone will look soon.", TicketStatus.OPEN, List.of());
		assertThat(this.routing.pages(id).get(0).acknowledgedAt()).isNull();
		assertThatThrownBy(() -> this.routing.logTime(id, this.bob, 30))
			.isInstanceOf(com.helpdesk.shared.InvalidInputException.class);
		// a manager may
		this.clock.set(london("2027-01-09T02:05"));
		this.routing.acknowledge(id, manager);
		assertThat(this.routing.pages(id).get(0).acknowledgedById()).isEqualTo(manager.id());

		// time someone logs is theirs, not the paged person's
		this.clock.set(london("2027-01-09T02:40"));
		assertThatThrownBy(() -> this.routing.logTime(id, this.ann, 60)).as("more than has passed since the page")
			.isInstanceOfSatisfying(com.helpdesk.shared.InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("rota.page.minutes.sincePaged"));
		this.clock.set(london("2027-01-09T16:00"));
		assertThatThrownBy(() -> this.routing.logTime(id, this.ann, 721)).as("more than a long night")
			.isInstanceOfSatisfying(com.helpdesk.shared.InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("rota.page.minutes.range"));
		this.routing.logTime(id, this.ann, 50);
		this.routing.logTime(id, manager, 30);
		this.routing.logTime(id, manager, 35);

		OnCallRouting.Page page = this.routing.pages(id).get(0);
		assertThat(page.minutesOf(this.ann.id())).isEqualTo(50);
		assertThat(page.minutesOf(manager.id())).as("logged again, changed").isEqualTo(35);
		java.util.Map<Long, HoursReport.Line> lines = new java.util.HashMap<>();
		this.reports.report(java.time.YearMonth.of(2027, 1)).lines().forEach((l) -> lines.put(l.personId(), l));
		assertThat(lines.get(this.ann.id()).timeSpent()).isEqualTo(java.time.Duration.ofMinutes(50));
		assertThat(lines.get(this.ann.id()).incidents()).isZero();
		assertThat(lines.get(manager.id()).timeSpent()).isEqualTo(java.time.Duration.ofMinutes(35));
		assertThat(lines.get(manager.id()).incidents()).isEqualTo(1);
	}

	@Test
	void inHoursAFirstLineRotaHandsItsGroupsNewTicketsRoundThePeopleOnShift() {
		long rota = this.rotas.create(new RotaCommand(TestData.unique("First line"), RotaTemplate.WEEKLY_PAIR,
				RotaDuty.FIRST_LINE, "Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.calendar,
				this.tier1, false, false, List.of(new PositionCommand("Developer", 1, 1, 0, List.of(this.ann.id())),
						new PositionCommand("Ops engineer", 1, 1, 0, List.of(this.bob.id())))),
				null);
		this.rotas.setAutoAssign(rota, true, null);
		try {
			this.clock.set(london("2027-01-11T11:00"));
			long first = raise(this.ordinaryRequester, RequestType.QUESTION, Priority.NORMAL);
			long second = raise(this.ordinaryRequester, RequestType.QUESTION, Priority.NORMAL);
			long third = raise(this.ordinaryRequester, RequestType.QUESTION, Priority.NORMAL);
			List<Long> onShift = List.of(Math.min(this.ann.id(), this.bob.id()),
					Math.max(this.ann.id(), this.bob.id()));
			assertThat(List.of(this.queries.summary(first).assigneeId(), this.queries.summary(second).assigneeId(),
					this.queries.summary(third).assigneeId()))
				.containsExactly(onShift.get(0), onShift.get(1), onShift.get(0));
			assertThat(inbox(this.ann, first).size() + inbox(this.bob, first).size()).isEqualTo(1);

			this.clock.set(london("2027-01-11T20:00"));
			long evening = raise(this.ordinaryRequester, RequestType.QUESTION, Priority.NORMAL);
			assertThat(this.queries.summary(evening).assigneeId()).as("out of hours it waits").isNull();
		}
		finally {
			// other tests raise tickets in this group and expect them to wait
			this.rotas.setAutoAssign(rota, false, null);
		}
	}

	private List<String> inbox(Person person, long ticketId) {
		return this.jdbc.sql("select kind from inbox_item where user_id = ? and ticket_id = ? order by id")
			.params(person.id(), ticketId)
			.query(String.class)
			.list();
	}

}
