package com.helpdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.Priority;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One submit of the agent's ticket page on real PostgreSQL: the message, the status of
 * the button and every property changed are saved as one change under one version check,
 * or none of it is; and a requester added by staff comes with their ticket, or not at
 * all.
 */
@IntegrationTest
class TicketUpdateTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	Directory directory;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	Person requester;

	Person agent;

	Person expert;

	long ticket;

	@BeforeEach
	void aNewTicket() {
		this.requester = this.data.requester(this.data.client());
		this.agent = this.data.agent();
		this.expert = this.data.agent();
		this.ticket = this.tickets.create(this.requester, TestData.question(TestData.unique("Checkout down")),
				List.of());
	}

	@Test
	void aReplyWithTriageChangesIsSavedAsOneChangeInOneVersion() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		TicketUpdate.Outcome outcome = this.tickets
			.update(this.agent, this.ticket, read.version(),
					new TicketUpdate(
							new TriageChange(
									null, Priority.CRITICAL, List.of("payments"), null, false, this.expert
										.id(),
									false, null, null),
							new TicketUpdate.Message("We are on it", false, List.of(new NewAttachment("plan.txt",
									"text/plain", "restart".getBytes(StandardCharsets.UTF_8)))),
							TicketStatus.OPEN));

		assertThat(outcome.message()).isTrue();
		assertThat(outcome.internal()).isFalse();
		assertThat(outcome.propertiesChanged()).isTrue();
		assertThat(outcome.status()).isEqualTo(TicketStatus.OPEN);
		TicketView now = this.queries.ticket(this.agent, this.ticket);
		assertThat(now.version()).as("one version for the whole submit").isEqualTo(read.version() + 1);
		assertThat(now.priority()).isEqualTo(Priority.CRITICAL);
		assertThat(now.assigneeId()).isEqualTo(this.expert.id());
		assertThat(now.tags()).containsExactly("payments");
		assertThat(now.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(now.firstStaffReplyAt()).isNotNull();
		List<TimelineEntry> saved = now.timeline().stream().filter((e) -> e.ticketVersion() == now.version()).toList();
		assertThat(saved).extracting(TimelineEntry::kind)
			.containsExactlyInAnyOrder(TimelineKind.PUBLIC_REPLY, TimelineKind.PRIORITY_CHANGED,
					TimelineKind.TAGS_CHANGED, TimelineKind.ASSIGNEE_CHANGED, TimelineKind.STATUS_CHANGED);
		assertThat(saved).allMatch((e) -> e.at().equals(saved.get(0).at()) && this.agent.id() == e.actorId());
		assertThat(saved.stream().filter(TimelineEntry::isComment).findFirst().orElseThrow().attachments())
			.extracting(AttachmentInfo::filename)
			.containsExactly("plan.txt");
		// the clocks heard of the reply and the new priority: first reply met, resolution
		// retargeted
		assertThat(this.jdbc.sql(
				"select count(*) from sla_metric where ticket_id = ? and metric = 'FIRST_REPLY' and fulfilled_at is not null")
			.param(this.ticket)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRefusedPartSavesNothingAndEveryProblemIsReportedAtOnce() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		long intake = read.groupId();
		long other = this.data.group(this.expert);
		assertThatThrownBy(() -> this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(new TriageChange(null, Priority.HIGH, List.of("bad tag!"), other, false, null, false,
						null, " "), new TicketUpdate.Message(" ", false, List.of()), TicketStatus.PENDING)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field)
						.containsExactlyInAnyOrder("body", "tags", "reason"));
		TicketView after = this.queries.ticket(this.agent, this.ticket);
		assertThat(after.version()).isEqualTo(read.version());
		assertThat(after.priority()).isEqualTo(read.priority());
		assertThat(after.groupId()).isEqualTo(intake);
		assertThat(after.timeline()).hasSameSizeAs(read.timeline());
	}

	@Test
	void aStatusTheLifecycleForbidsRefusesTheWholeSubmit() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		assertThatThrownBy(() -> this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(
						new TriageChange(null, Priority.LOW, null, null, false, null, false, TicketStatus.SOLVED, null),
						new TicketUpdate.Message("Just a note", true, List.of()), null)))
			.isInstanceOf(TransitionNotAllowedException.class);
		TicketView after = this.queries.ticket(this.agent, this.ticket);
		assertThat(after.version()).isEqualTo(read.version());
		assertThat(after.priority()).isEqualTo(read.priority());
		assertThat(after.timeline()).hasSameSizeAs(read.timeline());
	}

	@Test
	void aStatusChosenAndAButtonForAnotherAreRefusedRatherThanGuessed() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		assertThatThrownBy(() -> this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(new TriageChange(null, null, null, null, false, null, false, TicketStatus.OPEN, null),
						new TicketUpdate.Message("Answer", false, List.of()), TicketStatus.SOLVED)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::messageKey)
						.containsExactly("ticket.update.statusTwice"));
		// the button's own status, chosen in the select too, is fine
		this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(
						new TriageChange(null, null, null, null, false, null, false, TicketStatus.SOLVED, null),
						new TicketUpdate.Message("Answer", false, List.of()), TicketStatus.SOLVED));
		assertThat(this.queries.ticket(this.agent, this.ticket).status()).isEqualTo(TicketStatus.SOLVED);
	}

	@Test
	void aStaleVersionSavesNothing() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		this.tickets.triage(this.expert, this.ticket, read.version(),
				new TriageChange(null, Priority.HIGH, null, null, false, null, false, null, null));
		assertThatThrownBy(() -> this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(new TriageChange(null, Priority.LOW, null, null, false, null, false, null, null),
						new TicketUpdate.Message("Late answer", false, List.of()), TicketStatus.PENDING)))
			.isInstanceOf(StaleTicketException.class);
		TicketView after = this.queries.ticket(this.agent, this.ticket);
		assertThat(after.priority()).isEqualTo(Priority.HIGH);
		assertThat(after.timeline()).noneMatch((e) -> "Late answer".equals(e.body()));
	}

	@Test
	void anInternalNoteWithAStatusAcknowledgesWithoutTellingTheRequester() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		TicketUpdate.Outcome outcome = this.tickets.update(this.agent, this.ticket, read.version(), new TicketUpdate(
				null, new TicketUpdate.Message("Looking at the logs", true, List.of()), TicketStatus.OPEN));
		assertThat(outcome.internal()).isTrue();
		TicketView now = this.queries.ticket(this.agent, this.ticket);
		assertThat(now.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(now.firstStaffReplyAt()).as("a note is no reply").isNull();
		assertThat(this.queries.ticket(this.requester, this.ticket).timeline())
			.noneMatch((e) -> "Looking at the logs".equals(e.body()));
	}

	@Test
	void nothingChangedOrTypedSavesNothing() {
		TicketView read = this.queries.ticket(this.agent, this.ticket);
		TicketUpdate.Outcome outcome = this.tickets.update(this.agent, this.ticket, read.version(),
				new TicketUpdate(new TriageChange(read.type(), read.priority(), List.of(""), read.groupId(), false,
						null, false, read.status(), null), new TicketUpdate.Message("", false, List.of()), null));
		assertThat(outcome.nothingChanged()).isTrue();
		assertThat(this.queries.ticket(this.agent, this.ticket).version()).isEqualTo(read.version());
	}

	@Test
	void staffAddSomeoneNewAsARequesterWithTheirTicketOrNotAtAll() {
		long client = this.data.client();
		String email = TestData.unique("caller") + "@example.test";
		NewTicket request = new NewTicket(RequestType.QUESTION, "Phoned in", "Cannot sign in", "Waited", null,
				RequestDetails.none(), email);
		// a problem with the ticket: the person is not added either
		NewTicket noSubject = new NewTicket(RequestType.QUESTION, " ", "Cannot sign in", "Waited", null,
				RequestDetails.none(), email);
		assertThatThrownBy(() -> this.tickets.create(this.agent, noSubject, List.of(), new NewRequester(" ", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field)
						.containsExactlyInAnyOrder("subject", "requesterName", "requesterClient"));
		assertThat(this.directory.findPersonByEmail(email)).isEmpty();

		long id = this.tickets.create(this.agent, request, List.of(), new NewRequester("Casey Caller", client));
		Person added = this.directory.findPersonByEmail(email).orElseThrow();
		assertThat(added.isRequester()).isTrue();
		assertThat(added.clientId()).isEqualTo(client);
		TicketView ticket = this.queries.ticket(this.agent, id);
		assertThat(ticket.requesterId()).isEqualTo(added.id());
		assertThat(ticket.clientId()).isEqualTo(client);

		// their email taken now: adding them again is refused next to the email
		assertThatThrownBy(
				() -> this.tickets.create(this.agent, request, List.of(), new NewRequester("Casey Caller", client)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("requester"));
		// and a requester cannot add anyone
		long before = this.jdbc.sql("select count(*) from app_user").query(Long.class).single();
		this.tickets.create(this.requester, request, List.of(), new NewRequester("Someone", client));
		assertThat(this.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before);
	}

}
