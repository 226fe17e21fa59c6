package com.helpdesk.notification;

import java.util.Arrays;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.notification.internal.MailSenderJob;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.support.TestMail;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TriageChange;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class MailNotificationsTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	MailSenderJob sender;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	TransactionTemplate transactions;

	GreenMail mail = TestMail.server();

	Person requester;

	Person agent;

	@BeforeEach
	void people() throws Exception {
		this.sender.sendDue();
		// emptied, not restarted: a restart can leave the port closed for a moment
		this.mail.purgeEmailFromAllMailboxes();
		this.requester = this.data.requester(this.data.client());
		this.agent = this.data.agent();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void theRequesterIsToldOfTheirRequestRepliesAndStatusChangesButNeverOfInternalNotes() throws Exception {
		long id = this.tickets.create(this.requester, TestData.question("Mail me"), List.of());
		this.tickets.addNote(this.agent, id, "SECRET internal remark", List.of());
		this.tickets.reply(this.agent, id, version(id), "Here is the answer", TicketStatus.PENDING, List.of());
		this.tickets.triage(this.agent, id, version(id),
				new TriageChange(null, null, null, null, false, null, false, TicketStatus.SOLVED, null));
		this.sender.sendDue();

		List<String> expected = List.of("[#" + id + "] We have received your request: Mail me",
				"[#" + id + "] New reply: Mail me", "[#" + id + "] Your request is now Solved: Mail me");
		assertThat(this.jdbc.sql("select subject from mail_outbox where recipient = ? order by sent_at, id")
			.param(this.requester.email())
			.query(String.class)
			.list()).as("sent in the order things happened").containsExactlyElementsOf(expected);
		List<MimeMessage> received = to(this.requester);
		assertThat(received).extracting(MimeMessage::getSubject).containsExactlyInAnyOrderElementsOf(expected);
		String reply = GreenMailUtil
			.getBody(received.stream().filter((m) -> subject(m).contains("New reply")).findFirst().orElseThrow());
		assertThat(reply).contains("Here is the answer").contains("http://helpdesk.test/requests/" + id);
		assertThat(received).allSatisfy((m) -> assertThat(GreenMailUtil.getBody(m)).doesNotContain("SECRET"));
	}

	@Test
	void theIntakeGroupIsToldOfNewTickets() throws Exception {
		long id = this.tickets.create(this.requester, TestData.question("Group alert"), List.of());
		this.sender.sendDue();
		assertThat(Arrays.stream(this.mail.getReceivedMessages()).map(this::subject))
			.anyMatch((s) -> s.equals("[#" + id + "] New ticket for Tier 1: Group alert"));
	}

	@Test
	void theAssigneeIsToldWhenTheRequesterReplies() throws Exception {
		long id = this.tickets.create(this.requester, TestData.question("Follow up"), List.of());
		this.tickets.triage(this.agent, id, version(id), TriageChange.take(this.agent.id()));
		this.tickets.reply(this.requester, id, null, "One more thing", null, List.of());
		this.sender.sendDue();
		assertThat(to(this.agent)).extracting(MimeMessage::getSubject).anyMatch((s) -> s.contains("replied"));
	}

	@Test
	void aChangeThatRollsBackSendsNothing() {
		long before = outboxSize();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			this.tickets.create(this.requester, TestData.question("Rolled back"), List.of());
			throw new IllegalStateException("boom");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(outboxSize()).isEqualTo(before);
	}

	@Test
	void mailsWaitWhileTheMailServerIsDownAndAllGoOutWhenItReturns() throws Exception {
		this.mail.stop();
		long id;
		try {
			id = this.tickets.create(this.requester, TestData.question("Server away"), List.of());
			assertThat(this.sender.sendDue()).isZero();
			assertThat(pendingFor(this.requester)).isEqualTo(1);
		}
		finally {
			TestMail.restart();
		}
		assertThat(this.sender.sendDue()).as("not yet due again").isZero();
		this.clock.advance(java.time.Duration.ofMinutes(10));
		assertThat(this.sender.sendDue()).isPositive();
		assertThat(pendingFor(this.requester)).isZero();
		assertThat(to(this.requester)).extracting(MimeMessage::getSubject)
			.containsExactly("[#" + id + "] We have received your request: Server away");
	}

	private List<MimeMessage> to(Person person) {
		return Arrays.stream(this.mail.getReceivedMessages()).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(person.email());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long version(long id) {
		return this.queries.ticket(this.agent, id).version();
	}

	private long outboxSize() {
		return this.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();
	}

	private long pendingFor(Person person) {
		return this.jdbc.sql("select count(*) from mail_outbox where recipient = ? and sent_at is null")
			.param(person.email())
			.query(Long.class)
			.single();
	}

}
