package com.helpdesk.review;

import java.time.LocalDate;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketView;
import com.helpdesk.ticket.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Follow-ups on PostgreSQL: set, changed over the version read, marked done; a stale
 * version is refused (409) with nothing changed; a named specialist is given the ticket;
 * overdue ones come up on the daily review; bad input saves nothing.
 */
@IntegrationTest
class FollowUpsTest {

	@Autowired
	FollowUps followUps;

	@Autowired
	Reviews reviews;

	@Autowired
	TeamCalendar team;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	ReviewFixture fixture;

	Person agent;

	Person colleague;

	@BeforeEach
	void setUp() {
		this.fixture = new ReviewFixture(this.team, this.tickets, this.queries, this.data, this.clock);
		this.agent = this.data.agent();
		this.colleague = this.data.agent();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aFollowUpIsSetChangedOverTheVersionReadAndMarkedDone() {
		this.fixture.now("2025-05-05T10:00");
		long ticket = this.fixture.raise("Compliance evidence");
		assertThat(this.followUps.open(ticket)).isEmpty();

		long id = this.followUps.set(ticket,
				new FollowUpCommand("  Ask the client for the audit log  ", LocalDate.of(2025, 5, 7), null, null),
				this.agent);
		FollowUp set = this.followUps.open(ticket).orElseThrow();
		assertThat(set.id()).isEqualTo(id);
		assertThat(set.nextAction()).isEqualTo("Ask the client for the audit log");
		assertThat(set.dueOn()).isEqualTo(LocalDate.of(2025, 5, 7));
		assertThat(set.setBy()).isEqualTo(this.agent.name());
		assertThat(set.specialistId()).isNull();

		this.fixture.now("2025-05-06T11:00");
		this.followUps.set(ticket,
				new FollowUpCommand("Chase the audit log", LocalDate.of(2025, 5, 9), null, set.version()),
				this.colleague);
		FollowUp changed = this.followUps.open(ticket).orElseThrow();
		assertThat(changed.id()).isEqualTo(id);
		assertThat(changed.version()).isGreaterThan(set.version());
		assertThat(changed.nextAction()).isEqualTo("Chase the audit log");
		assertThat(changed.setBy()).isEqualTo(this.colleague.name());

		this.followUps.done(ticket, changed.version(), this.agent);
		assertThat(this.followUps.open(ticket)).isEmpty();
		FollowUp done = this.followUps.latest(ticket).orElseThrow();
		assertThat(done.isDone()).isTrue();
		assertThat(done.doneBy()).isEqualTo(this.agent.name());
		assertThat(audit(id)).containsExactly("SET", "CHANGED", "DONE");

		// the next one is a new follow-up; the done one stays as history
		long next = this.followUps.set(ticket,
				new FollowUpCommand("Close it with the client", LocalDate.of(2025, 5, 12), null, null), this.agent);
		assertThat(next).isNotEqualTo(id);
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		this.fixture.now("2025-05-12T10:00");
		long ticket = this.fixture.raise("Two editors");
		this.followUps.set(ticket, new FollowUpCommand("First", LocalDate.of(2025, 5, 14), null, null), this.agent);
		FollowUp read = this.followUps.open(ticket).orElseThrow();
		this.followUps.set(ticket, new FollowUpCommand("Second", LocalDate.of(2025, 5, 15), null, read.version()),
				this.colleague);

		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("Third", LocalDate.of(2025, 5, 16), null, read.version()), this.agent))
			.isInstanceOfSatisfying(StaleFollowUpException.class, (ex) -> {
				assertThat(ex).isInstanceOf(ConflictException.class);
				assertThat(ex.ticketId()).isEqualTo(ticket);
			});
		// setting a new one when one is open already, as if none had been read
		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("Fourth", LocalDate.of(2025, 5, 16), null, null), this.agent))
			.isInstanceOf(StaleFollowUpException.class);
		assertThatThrownBy(() -> this.followUps.done(ticket, read.version(), this.agent))
			.isInstanceOf(StaleFollowUpException.class);
		assertThat(this.followUps.open(ticket).orElseThrow().nextAction()).isEqualTo("Second");

		FollowUp current = this.followUps.open(ticket).orElseThrow();
		this.followUps.done(ticket, current.version(), this.colleague);
		assertThatThrownBy(() -> this.followUps.done(ticket, current.version(), this.agent))
			.isInstanceOf(StaleFollowUpException.class);
		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("Too late", LocalDate.of(2025, 5, 16), null, current.version()), this.agent))
			.isInstanceOf(StaleFollowUpException.class);
	}

	@Test
	void namingASpecialistGivesThemTheTicket() {
		this.fixture.now("2025-05-19T10:00");
		Person specialist = this.data.agent();
		long ticket = this.fixture.raise("Pen test findings");
		this.followUps.set(ticket,
				new FollowUpCommand("Review the pen test report", LocalDate.of(2025, 5, 21), specialist.id(), null),
				this.agent);

		TicketView view = this.fixture.ticket(this.agent, ticket);
		assertThat(view.assigneeId()).isEqualTo(specialist.id());
		assertThat(view.timeline()).anySatisfy((entry) -> {
			assertThat(entry.kind()).isEqualTo(TimelineKind.ASSIGNEE_CHANGED);
			assertThat(entry.to()).isEqualTo(specialist.name());
			assertThat(entry.detail()).contains("Review the pen test report");
		});
		FollowUp open = this.followUps.open(ticket).orElseThrow();
		assertThat(open.specialistName()).isEqualTo(specialist.name());

		// changing only the date does not give the ticket again
		this.tickets.triage(this.agent, ticket, view.version(),
				com.helpdesk.ticket.TriageChange.take(this.colleague.id()));
		this.followUps.set(ticket, new FollowUpCommand("Review the pen test report", LocalDate.of(2025, 5, 22),
				specialist.id(), open.version()), this.agent);
		assertThat(this.fixture.ticket(this.agent, ticket).assigneeId()).isEqualTo(this.colleague.id());
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
		this.fixture.now("2025-05-26T10:00");
		long ticket = this.fixture.raise("Bad input");
		Person requester = this.data.requester(this.data.client());
		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("  ", LocalDate.of(2025, 5, 23), requester.id(), null), this.agent))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(
							new FieldError("nextAction", "review.followUp.nextAction.required"),
							new FieldError("due", "review.followUp.due.past"),
							new FieldError("specialist", "review.followUp.specialist.unknown")));
		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("x".repeat(501), LocalDate.of(2026, 6, 1), null, null), this.agent))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(
							new FieldError("nextAction", "review.followUp.nextAction.tooLong"),
							new FieldError("due", "review.followUp.due.tooFar")));
		assertThatThrownBy(
				() -> this.followUps.set(ticket, new FollowUpCommand("Call them", null, null, null), this.agent))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("due", "review.followUp.due.required")));
		assertThat(this.followUps.latest(ticket)).isEmpty();
		assertThat(this.fixture.ticket(this.agent, ticket).assigneeId()).isNull();
		// today itself is fine
		this.followUps.set(ticket, new FollowUpCommand("Call them", LocalDate.of(2025, 5, 26), null, null), this.agent);
		assertThatThrownBy(() -> this.followUps.set(ticket,
				new FollowUpCommand("Call them", LocalDate.of(2025, 5, 27), null, 0L), requester))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void followUpsDueTodayOrOverdueComeUpOnTheDailyReview() {
		this.fixture.now("2025-06-02T10:00");
		long overdue = this.fixture.raise("Overdue follow-up");
		long today = this.fixture.raise("Due today");
		long later = this.fixture.raise("Due later");
		long closed = this.fixture.raise("Closed follow-up");
		this.followUps.set(overdue, new FollowUpCommand("Chase", LocalDate.of(2025, 6, 3), null, null), this.agent);
		this.followUps.set(today, new FollowUpCommand("Check", LocalDate.of(2025, 6, 4), null, null), this.agent);
		this.followUps.set(later, new FollowUpCommand("Wait", LocalDate.of(2025, 6, 5), null, null), this.agent);
		this.followUps.set(closed, new FollowUpCommand("Done soon", LocalDate.of(2025, 6, 3), null, null), this.agent);
		this.followUps.done(closed, this.followUps.open(closed).orElseThrow().version(), this.agent);
		this.fixture.answer(this.agent, today, TicketStatus.PENDING);

		this.fixture.now("2025-06-04T09:00");
		DailyReview daily = this.reviews.daily();
		List<FollowUp> due = daily.followUpsDue().rows();
		assertThat(due).extracting(FollowUp::ticketId)
			.containsSubsequence(overdue, today)
			.doesNotContain(later, closed);
		FollowUp first = due.stream().filter((f) -> f.ticketId() == overdue).findFirst().orElseThrow();
		assertThat(first.isOverdue(daily.day())).isTrue();
		assertThat(first.ticketSubject()).startsWith("Overdue follow-up");
		FollowUp second = due.stream().filter((f) -> f.ticketId() == today).findFirst().orElseThrow();
		assertThat(second.isOverdue(daily.day())).isFalse();
		assertThat(second.ticketStatus()).isEqualTo(TicketStatus.PENDING);

		// on the weekly review, a week on, each ticket shows its open follow-up
		this.fixture.now("2025-06-10T09:00");
		assertThat(this.reviews.weekly()
			.byClient()
			.stream()
			.flatMap((s) -> s.tickets().stream())
			.filter((t) -> t.ticketId() == later)
			.findFirst()
			.orElseThrow()
			.followUp()
			.nextAction()).isEqualTo("Wait");
	}

	private List<String> audit(long followUpId) {
		return this.jdbc
			.sql("select action from audit_event where entity_type = 'FOLLOW_UP' and entity_id = ? order by id")
			.param(followUpId)
			.query(String.class)
			.list();
	}

}
