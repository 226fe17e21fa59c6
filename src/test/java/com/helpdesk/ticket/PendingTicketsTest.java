package com.helpdesk.ticket;

import java.time.Duration;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.internal.PendingTicketsJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PendingTicketsTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	PendingTicketsJob job;

	@Autowired
	MovableClock clock;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	Person requester;

	Person agent;

	@BeforeEach
	void people() {
		this.requester = this.data.requester(this.data.client());
		this.agent = this.data.agent();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aQuietPendingTicketIsRemindedOnceAtThreeDaysAndSolvedWithANoteAtFive() {
		long id = pending("Waiting on you");

		this.clock.advance(Duration.ofDays(2).plusHours(23));
		this.job.run();
		assertThat(kinds(id)).doesNotContain(TimelineKind.PENDING_REMINDER);

		this.clock.advance(Duration.ofHours(2));
		this.job.run();
		this.job.run();
		assertThat(kinds(id)).filteredOn((k) -> k == TimelineKind.PENDING_REMINDER).hasSize(1);
		assertThat(status(id)).isEqualTo(TicketStatus.PENDING);
		assertThat(mailsTo(this.requester)).anyMatch((subject) -> subject.contains("waiting for your reply"));

		this.clock.advance(Duration.ofDays(2));
		this.job.run();
		TicketView solved = this.queries.ticket(this.requester, id);
		assertThat(solved.status()).isEqualTo(TicketStatus.SOLVED);
		TimelineEntry note = solved.timeline()
			.stream()
			.filter((e) -> e.kind() == TimelineKind.PUBLIC_REPLY && e.actorId() == null)
			.findFirst()
			.orElseThrow();
		assertThat(note.body()).contains("5 days");
		assertThat(mailsTo(this.requester)).anyMatch((subject) -> subject.contains("Request closed"));

		long version = solved.version();
		this.job.run();
		assertThat(this.queries.ticket(this.agent, id).version()).isEqualTo(version);
	}

	@Test
	void activityRestartsTheWait() {
		long id = pending("Chatty");
		this.clock.advance(Duration.ofDays(4));
		this.tickets.reply(this.agent, id, version(id), "Any luck?", TicketStatus.PENDING, List.of());
		this.clock.advance(Duration.ofDays(2));
		this.job.run();
		assertThat(status(id)).isEqualTo(TicketStatus.PENDING);

		this.tickets.reply(this.requester, id, null, "Still looking", null, List.of());
		this.clock.advance(Duration.ofDays(10));
		this.job.run();
		assertThat(status(id)).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void runningTheJobTwiceAtOnceSolvesEachTicketOnce() throws Exception {
		long id = pending("Raced");
		this.clock.advance(Duration.ofDays(6));
		java.util.concurrent.atomic.AtomicBoolean theirs = new java.util.concurrent.atomic.AtomicBoolean();
		Thread other = new Thread(() -> theirs.set(this.tickets.autoSolveIfDue(id)));
		other.start();
		boolean mine = this.tickets.autoSolveIfDue(id);
		other.join();
		assertThat(mine ^ theirs.get()).as("exactly one of the two runs solved it").isTrue();
		assertThat(status(id)).isEqualTo(TicketStatus.SOLVED);
		assertThat(kinds(id)).filteredOn((k) -> k == TimelineKind.PUBLIC_REPLY).hasSize(2);
	}

	private long pending(String subject) {
		long id = this.tickets.create(this.requester, TestData.question(subject), List.of());
		this.tickets.reply(this.agent, id, version(id), "Can you send a screenshot?", TicketStatus.PENDING, List.of());
		return id;
	}

	private List<TimelineKind> kinds(long id) {
		return this.queries.ticket(this.agent, id).timeline().stream().map(TimelineEntry::kind).toList();
	}

	private TicketStatus status(long id) {
		return this.queries.ticket(this.agent, id).status();
	}

	private long version(long id) {
		return this.queries.ticket(this.agent, id).version();
	}

	private List<String> mailsTo(Person person) {
		return this.jdbc.sql("select subject from mail_outbox where recipient = ? order by id")
			.param(person.email())
			.query(String.class)
			.list();
	}

}
