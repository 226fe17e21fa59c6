package com.helpdesk.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.directory.UserCommand;
import com.helpdesk.notification.internal.MailSenderJob;
import com.helpdesk.rota.OnCallRouting;
import com.helpdesk.rota.RotaCommand;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import com.helpdesk.rota.Rotas;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.RotaFixture;
import com.helpdesk.support.TestData;
import com.helpdesk.support.TestMail;
import com.helpdesk.ticket.NewTicket;
import com.helpdesk.ticket.RequestDetails;
import com.helpdesk.ticket.RequestType;
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

	@Autowired
	Rotas rotas;

	@Autowired
	OnCallRouting onCall;

	@Autowired
	RotaFixture rotaFixture;

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	SlaPolicies policies;

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

	/**
	 * Out of hours, a critical ticket of a client with 24/7 cover pages the on-call
	 * engineer, and the receipt says so; in hours nobody is paged and the receipt says
	 * when the first reply is due, in the requester's own time zone; with no first reply
	 * target it promises no time.
	 */
	@Test
	void theReceiptSaysWhoWasPagedAndWhenTheFirstReplyIsDue() {
		Person onCall = this.data.agent();
		long tier1 = this.directory.defaultIntakeGroup().orElseThrow().id();
		this.rotas.create(
				new RotaCommand(TestData.unique("Receipt on call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
						"Europe/London", LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), this.rotaFixture.teamHours(),
						tier1, true, false, List.of(new PositionCommand("On call", 1, 1, 0, List.of(onCall.id())))),
				null);
		Person allHours = this.rotaFixture.allHoursRequester();

		// Saturday 02:00: paged, and 30 minutes 24/7 to the first reply
		this.clock.set(london("2027-01-09T02:00"));
		long night = this.tickets.create(allHours, critical("Checkout down at night"), List.of());
		assertThat(this.onCall.pages(night)).isNotEmpty();
		assertThat(receiptTo(allHours, night))
			.contains("so we have paged our on-call engineer",
					"Expect a first reply by 02:30 GMT on Saturday 9 January 2027")
			.doesNotContain("end of the working day");

		// Monday 11:00, in hours: nobody is paged; a Sydney requester reads Sydney time
		this.clock.set(london("2027-01-11T11:00"));
		long day = this.tickets.create(allHours, critical("Checkout down by day"), List.of());
		assertThat(this.onCall.pages(day)).isEmpty();
		assertThat(receiptTo(allHours, day)).contains("Expect a first reply by 11:30 GMT on Monday 11 January 2027")
			.doesNotContain("paged");
		Person sydney = this.directory
			.person(this.admin.createUser(new UserCommand(TestData.unique("sydney") + "@test.example", "Sam Sydney",
					Role.REQUESTER, allHours.clientId(), "Australia/Sydney", TestData.PASSWORD, true, Set.of()), null));
		long far = this.tickets.create(sydney, critical("Checkout down far away"), List.of());
		assertThat(receiptTo(sydney, far)).contains("Expect a first reply by 22:30 AEDT on Monday 11 January 2027");

		// a plan with no first reply target for the priority
		long plan = this.admin.createPlan(TestData.unique("Receipt plan"), "Resolution only", false, null);
		this.policies.setUp(plan, this.rotaFixture.teamHours(), 0.25, List
			.of(new SlaTarget(Priority.NORMAL, SlaMetric.RESOLUTION, Duration.ofHours(40), false, SlaClock.BUSINESS)),
				null, null);
		Person noTarget = this.data.requester(
				this.admin.createClient(new ClientCommand(TestData.unique("Receipt client"), plan, null, true), null));
		long question = this.tickets.create(noTarget, TestData.question("When will you answer?"), List.of());
		assertThat(receiptTo(noTarget, question)).contains("No service level sets a time for the first reply")
			.doesNotContain("Expect a first reply");
	}

	private static java.time.Instant london(String local) {
		return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/London")).toInstant();
	}

	private static NewTicket critical(String subject) {
		return new NewTicket(RequestType.QUESTION, TestData.unique(subject), "Nobody can pay", "Restarted it",
				Priority.CRITICAL, RequestDetails.none(), null);
	}

	private String receiptTo(Person requester, long ticketId) {
		return this.jdbc.sql("select body from mail_outbox where recipient = ? and subject like ?")
			.params(requester.email(), "[#" + ticketId + "] We have received your request: %")
			.query(String.class)
			.single();
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
