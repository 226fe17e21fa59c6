package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class TicketServiceTest {

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

	Person colleague;

	Person outsider;

	Person agent;

	Person otherAgent;

	@BeforeEach
	void people() {
		long client = this.data.client();
		this.requester = this.data.requester(client);
		this.colleague = this.data.requester(client);
		this.outsider = this.data.requester(this.data.client());
		this.agent = this.data.agent();
		this.otherAgent = this.data.agent();
	}

	@Test
	void aNewRequestIsNewInTheDefaultIntakeGroupWithItsHistoryAndFiles() {
		long id = this.tickets.create(this.requester, TestData.bug("Broken login"),
				List.of(new NewAttachment("log.txt", "text/plain", "stack trace".getBytes(StandardCharsets.UTF_8))));

		TicketView ticket = this.queries.ticket(this.agent, id);
		assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
		assertThat(ticket.groupName()).isEqualTo(this.directory.defaultIntakeGroup().orElseThrow().name());
		assertThat(ticket.clientId()).isEqualTo(this.requester.clientId());
		assertThat(ticket.details().stepsToReproduce()).isEqualTo("Open the page");
		assertThat(ticket.requestAttachments()).extracting(AttachmentInfo::filename).containsExactly("log.txt");
		assertThat(ticket.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.CREATED);
		assertThat(ticket.timeline().get(0).actorId()).isEqualTo(this.requester.id());
	}

	@Test
	void onlyTheFieldsOfTheRequestTypeAreKept() {
		RequestDetails mixed = new RequestDetails("steps", "expected", "actual", "App", null, null, null, "outcome",
				null, null, null, null, null, null);
		long id = this.tickets.create(this.requester,
				new NewTicket(RequestType.DEVELOPMENT_SUPPORT, "Help", "Need help", "Tried things", null, mixed, null),
				List.of());

		RequestDetails stored = this.queries.ticket(this.agent, id).details();
		assertThat(stored.desiredOutcome()).isEqualTo("outcome");
		assertThat(stored.stepsToReproduce()).isNull();
		assertThat(stored.application()).isNull();
		assertThat(this.queries.ticket(this.agent, id).priority()).isEqualTo(Priority.NORMAL);
	}

	@Test
	void eachTypeRequiresItsOwnFieldsAndNothingIsSavedWhenOneIsMissing() {
		long before = count();
		assertThatThrownBy(() -> this.tickets.create(this.requester,
				new NewTicket(RequestType.DEPLOYMENT, "Deploy", "Deploy it", "Nothing", null,
						new RequestDetails(null, null, null, "App", "", null, LocalDate.now().minusDays(1), null, null,
								null, null, null, null, null),
						null),
				List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactlyInAnyOrder("environment", "serverSpec.cpu", "serverSpec.memory",
								"serverSpec.disk", "serverSpec.os", "wantedBy"));
		assertThatThrownBy(() -> this.tickets.create(this.requester,
				new NewTicket(RequestType.BUG, " ", "", null, null, RequestDetails.none(), null), List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactlyInAnyOrder("subject", "description", "alreadyTried", "stepsToReproduce",
								"expectedOutcome", "actualOutcome"));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anIncidentNeedsNoAnswerToWhatWasTriedButCannotStartInTheFuture() {
		RequestDetails future = new RequestDetails(null, null, null, null, null, null, null, null, "All down",
				Instant.now().plusSeconds(7200), "Website", null, null, null);
		assertThatThrownBy(() -> this.tickets.create(this.requester,
				new NewTicket(RequestType.INCIDENT, "Down", "Site down", null, Priority.CRITICAL, future, null),
				List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("startedAt"));
	}

	@Test
	void staffRaiseTicketsForARequesterAndMustSayWho() {
		assertThatThrownBy(() -> this.tickets.create(this.agent, TestData.question("For whom?"), List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("requester"));
		NewTicket onBehalf = new NewTicket(RequestType.QUESTION, "On behalf", "Asked on the phone", "n/a", null,
				RequestDetails.none(), this.requester.email());
		long id = this.tickets.create(this.agent, onBehalf, List.of());
		TicketView ticket = this.queries.ticket(this.requester, id);
		assertThat(ticket.requesterId()).isEqualTo(this.requester.id());
		assertThat(ticket.clientId()).isEqualTo(this.requester.clientId());
	}

	@Test
	void aRequesterRaisesOnlyForTheirOwnClientWhateverTheyClaim() {
		NewTicket claim = new NewTicket(RequestType.QUESTION, "Sneaky", "For another client", "n/a", null,
				RequestDetails.none(), this.outsider.email());
		long id = this.tickets.create(this.requester, claim, List.of());
		assertThat(this.queries.ticket(this.agent, id).requesterId()).isEqualTo(this.requester.id());
	}

	@Test
	void anotherClientsTicketDoesNotExistForARequesterButColleaguesShareTheirs() {
		long id = this.tickets.create(this.requester, TestData.question("Ours"), List.of());
		assertThat(this.queries.ticket(this.colleague, id).subject()).isEqualTo("Ours");
		assertThatThrownBy(() -> this.queries.ticket(this.outsider, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tickets.reply(this.outsider, id, null, "Let me in", null, List.of()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tickets.solveByRequester(this.outsider, id))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theConversationFollowsTheStatusRules() {
		long id = this.tickets.create(this.requester, TestData.question("Lifecycle"), List.of());

		reply(this.agent, id, "Which site?", TicketStatus.PENDING);
		TicketView pending = this.queries.ticket(this.agent, id);
		assertThat(pending.status()).isEqualTo(TicketStatus.PENDING);
		assertThat(pending.firstStaffReplyAt()).isNotNull();
		assertThat(pending.pendingSince()).isNotNull();

		this.tickets.reply(this.requester, id, null, "The main one", null, List.of());
		assertThat(status(id)).isEqualTo(TicketStatus.OPEN);
		assertThat(this.queries.ticket(this.agent, id).pendingSince()).isNull();

		reply(this.agent, id, "Fixed", TicketStatus.SOLVED);
		assertThat(this.queries.ticket(this.agent, id).solvedAt()).isNotNull();

		this.tickets.reply(this.colleague, id, null, "Still broken for me", null, List.of());
		assertThat(status(id)).isEqualTo(TicketStatus.OPEN);
		assertThat(this.queries.ticket(this.agent, id).solvedAt()).isNull();

		this.tickets.solveByRequester(this.requester, id);
		assertThat(status(id)).isEqualTo(TicketStatus.SOLVED);
		assertThatThrownBy(() -> this.tickets.solveByRequester(this.requester, id))
			.isInstanceOf(TransitionNotAllowedException.class);

		assertThat(this.queries.ticket(this.agent, id).timeline()).extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.CREATED, TimelineKind.PUBLIC_REPLY, TimelineKind.STATUS_CHANGED,
					TimelineKind.REQUESTER_REPLY, TimelineKind.STATUS_CHANGED, TimelineKind.PUBLIC_REPLY,
					TimelineKind.STATUS_CHANGED, TimelineKind.REQUESTER_REPLY, TimelineKind.STATUS_CHANGED,
					TimelineKind.STATUS_CHANGED);
	}

	@Test
	void aRequesterReplyToANewTicketLeavesItNewBecauseWeHaveNotAnswered() {
		long id = this.tickets.create(this.requester, TestData.question("Impatient"), List.of());
		this.tickets.reply(this.requester, id, null, "Any news?", null, List.of());
		assertThat(status(id)).isEqualTo(TicketStatus.NEW);
	}

	@Test
	void internalNotesAndTheirFilesNeverReachTheRequester() {
		long id = this.tickets.create(this.requester, TestData.question("Notes"), List.of());
		this.tickets.addNote(this.agent, id, "Customer is on the old plan",
				List.of(new NewAttachment("secret.txt", "text/plain", "internal".getBytes(StandardCharsets.UTF_8))));

		TicketView staffView = this.queries.ticket(this.agent, id);
		assertThat(staffView.timeline()).anyMatch(TimelineEntry::isInternal);
		long fileId = staffView.timeline()
			.stream()
			.filter(TimelineEntry::isInternal)
			.findFirst()
			.orElseThrow()
			.attachments()
			.get(0)
			.id();
		assertThat(this.queries.download(this.agent, fileId).content()).isEqualTo("internal".getBytes());

		TicketView requesterView = this.queries.ticket(this.requester, id);
		assertThat(requesterView.timeline()).noneMatch(TimelineEntry::isInternal);
		assertThat(requesterView.timeline()).noneMatch((e) -> "Customer is on the old plan".equals(e.body()));
		assertThatThrownBy(() -> this.queries.download(this.requester, fileId)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.tickets.addNote(this.requester, id, "Me too", List.of()))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void movingATicketToAnotherGroupNeedsAReasonWhichTheTimelineKeeps() {
		long experts = this.data.group(this.otherAgent);
		long id = this.tickets.create(this.requester, TestData.question("Escalate"), List.of());
		long version = version(id);
		TriageChange noReason = new TriageChange(null, null, null, experts, false, null, false, null, " ");
		assertThatThrownBy(() -> this.tickets.triage(this.agent, id, version, noReason)).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
					.containsExactly("reason"));
		assertThat(version(id)).isEqualTo(version);

		this.tickets.triage(this.agent, id, version, new TriageChange(null, Priority.HIGH, List.of("Project-X, cms"),
				experts, false, this.otherAgent.id(), false, TicketStatus.OPEN, "Needs a platform engineer"));
		TicketView ticket = this.queries.ticket(this.agent, id);
		assertThat(ticket.groupId()).isEqualTo(experts);
		assertThat(ticket.assigneeId()).isEqualTo(this.otherAgent.id());
		assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.tags()).containsExactly("project-x", "cms");
		TimelineEntry moved = ticket.timeline()
			.stream()
			.filter((e) -> e.kind() == TimelineKind.GROUP_CHANGED)
			.findFirst()
			.orElseThrow();
		assertThat(moved.detail()).isEqualTo("Needs a platform engineer");
		assertThat(moved.actorId()).isEqualTo(this.agent.id());
		assertThat(ticket.timeline()).extracting(TimelineEntry::kind)
			.contains(TimelineKind.PRIORITY_CHANGED, TimelineKind.TAGS_CHANGED, TimelineKind.ASSIGNEE_CHANGED,
					TimelineKind.STATUS_CHANGED);
		assertThat(this.queries.ticket(this.requester, id).timeline()).extracting(TimelineEntry::kind)
			.doesNotContain(TimelineKind.GROUP_CHANGED, TimelineKind.ASSIGNEE_CHANGED, TimelineKind.PRIORITY_CHANGED);
	}

	@Test
	void aTicketWithoutAGroupCanBeGivenOneWithoutAReason() {
		long id = this.tickets.create(this.requester, TestData.question("Ungrouped"), List.of());
		this.tickets.triage(this.agent, id, version(id),
				new TriageChange(null, null, null, null, true, null, false, null, "Not ours"));
		long group = this.data.group(this.agent);
		this.tickets.triage(this.agent, id, version(id),
				new TriageChange(null, null, null, group, false, null, false, null, null));
		assertThat(this.queries.ticket(this.agent, id).groupId()).isEqualTo(group);
	}

	@Test
	void pendingOrSolvedBeforeAnyPublicReplyIsRefusedWithAConflict() {
		long id = this.tickets.create(this.requester, TestData.question("Too quick"), List.of());
		assertThatThrownBy(() -> this.tickets.triage(this.agent, id, version(id),
				new TriageChange(null, null, null, null, false, null, false, TicketStatus.SOLVED, null)))
			.isInstanceOf(TransitionNotAllowedException.class);
		assertThat(status(id)).isEqualTo(TicketStatus.NEW);
	}

	@Test
	void aStaleVersionIsRefusedAndNothingIsHalfSaved() {
		long id = this.tickets.create(this.requester, TestData.question("Race"), List.of());
		long read = version(id);
		reply(this.agent, id, "First answer", TicketStatus.PENDING);
		int comments = comments(id);

		assertThatThrownBy(() -> this.tickets.reply(this.otherAgent, id, read, "Second answer", TicketStatus.SOLVED,
				List.of(new NewAttachment("a.txt", "text/plain", new byte[] { 1 }))))
			.isInstanceOf(StaleTicketException.class);
		assertThat(comments(id)).isEqualTo(comments);
		assertThat(status(id)).isEqualTo(TicketStatus.PENDING);
		assertThat(this.jdbc.sql("select count(*) from attachment where ticket_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.queries.changesSince(this.otherAgent, id, read)).extracting(TimelineEntry::kind)
			.containsExactly(TimelineKind.PUBLIC_REPLY, TimelineKind.STATUS_CHANGED);
	}

	@Test
	void twoAgentsReplyingToTheSameVersionAtOnceOneWinsAndTheOtherIsToldNothingIsLost() throws Exception {
		long id = this.tickets.create(this.requester, TestData.question("Simultaneous"), List.of());
		long read = version(id);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Boolean> first = () -> attempt(start, this.agent, id, read, "Answer A");
			Callable<Boolean> second = () -> attempt(start, this.otherAgent, id, read, "Answer B");
			Future<Boolean> a = pool.submit(first);
			Future<Boolean> b = pool.submit(second);
			start.countDown();
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(comments(id)).isEqualTo(1);
		assertThat(version(id)).isEqualTo(read + 1);
	}

	private boolean attempt(CountDownLatch start, Person who, long id, long read, String body) throws Exception {
		start.await();
		try {
			this.tickets.reply(who, id, read, body, TicketStatus.PENDING, List.of());
			return true;
		}
		catch (StaleTicketException ex) {
			return false;
		}
	}

	@Test
	void attachmentsMustBeFewAndSmall() {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		assertThatThrownBy(() -> this.tickets.create(this.requester, TestData.question("Big file"),
				List.of(new NewAttachment("big.bin", "application/octet-stream", big))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::messageKey)
						.containsExactly("attachment.tooLarge"));
		List<NewAttachment> six = java.util.stream.IntStream.range(0, 6)
			.mapToObj((i) -> new NewAttachment("f" + i + ".txt", "text/plain", new byte[] { 1 }))
			.toList();
		assertThatThrownBy(() -> this.tickets.create(this.requester, TestData.question("Many files"), six))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::messageKey)
						.containsExactly("attachment.tooMany"));
	}

	@Test
	void fileNamesAreMadeSafe() {
		long id = this.tickets.create(this.requester, TestData.question("Paths"),
				List.of(new NewAttachment("../../etc/passwd", "text/html; charset=utf-8", new byte[] { 1 }),
						new NewAttachment("C:\\Users\\me\\shot.png", "image/png", new byte[] { 2 })));
		assertThat(this.queries.ticket(this.agent, id).requestAttachments())
			.extracting(AttachmentInfo::filename, AttachmentInfo::contentType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("passwd", "text/html"),
					org.assertj.core.groups.Tuple.tuple("shot.png", "image/png"));
	}

	private void reply(Person who, long id, String body, TicketStatus as) {
		this.tickets.reply(who, id, version(id), body, as, List.of());
	}

	private TicketStatus status(long id) {
		return this.queries.ticket(this.agent, id).status();
	}

	private long version(long id) {
		return this.queries.ticket(this.agent, id).version();
	}

	private int comments(long id) {
		return this.jdbc.sql("select count(*) from ticket_comment where ticket_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from ticket").query(Long.class).single();
	}

}
