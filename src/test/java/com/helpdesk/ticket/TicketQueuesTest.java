package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicies;
import com.helpdesk.sla.SlaTarget;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class TicketQueuesTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TicketQueries queries;

	@Autowired
	TestData data;

	@Autowired
	DirectoryAdmin admin;

	@Autowired
	SlaPolicies policies;

	@Autowired
	Calendars calendars;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	long client;

	Person requester;

	Person agent;

	@BeforeEach
	void people() {
		this.client = this.data.client();
		this.requester = this.data.requester(this.client);
		this.agent = this.data.agent();
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void keysetPagesVisitEveryTicketOnceMostRecentlyUpdatedFirst() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			created.add(this.tickets.create(this.requester, TestData.question("Paged " + i), List.of()));
		}
		QueueFilter filter = new QueueFilter(QueueView.ALL, null, null, null, null, this.client, null, null, null, 10);
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			TicketPage page = this.queries.page(this.agent, filter, cursor);
			page.rows().forEach((row) -> seen.add(row.id()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(23).doesNotHaveDuplicates();
		List<Long> newestFirst = new ArrayList<>(created);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void theNewViewShowsOldestFirstAndPagesTheSameWay() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.tickets.create(this.requester, TestData.question("New " + i), List.of()));
		}
		QueueFilter filter = new QueueFilter(QueueView.NEW, null, null, null, null, this.client, null, null, null, 2);
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		do {
			TicketPage page = this.queries.page(this.agent, filter, cursor);
			page.rows().forEach((row) -> seen.add(row.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(created);
	}

	@Test
	void viewsSelectByStatusAssigneeAndGroup() {
		long fresh = create("Fresh");
		long waiting = create("Waiting");
		this.tickets.reply(this.agent, waiting, version(waiting), "Tell us more", TicketStatus.PENDING, List.of());
		long working = create("Working");
		this.tickets.triage(this.agent, working, version(working), TriageChange.take(this.agent.id()));
		this.tickets.reply(this.agent, working, version(working), "On it", TicketStatus.OPEN, List.of());
		long done = create("Done");
		this.tickets.reply(this.agent, done, version(done), "Fixed", TicketStatus.SOLVED, List.of());

		assertThat(ids(QueueView.NEW)).containsExactly(fresh);
		assertThat(ids(QueueView.OPEN)).containsExactly(working);
		assertThat(ids(QueueView.PENDING)).containsExactly(waiting);
		assertThat(ids(QueueView.SOLVED)).containsExactly(done);
		assertThat(ids(QueueView.UNASSIGNED)).containsExactly(fresh);
		assertThat(idsFor(this.agent, QueueView.MINE, null)).contains(working).doesNotContain(fresh, waiting, done);
		long group = this.queries.ticket(this.agent, fresh).groupId();
		assertThat(idsFor(this.agent, QueueView.GROUP, group)).contains(fresh, waiting, working).doesNotContain(done);
	}

	@Test
	void fullTextSearchFindsWordsInTheRequestAndTicketNumbers() {
		long db = this.tickets.create(this.requester, new NewTicket(RequestType.BUG, "Checkout slow",
				"The payment page hangs on submit", "Restarted", Priority.HIGH, new RequestDetails("Open the basket",
						"Quick", "Spinner forever", null, null, null, null, null, null, null, null, null, null, null),
				null), List.of());
		long other = create("Unrelated question");

		assertThat(search("payment")).containsExactly(db);
		assertThat(search("spinner")).containsExactly(db);
		assertThat(search("checkout payment")).containsExactly(db);
		assertThat(search("\"payment page\" -unrelated")).containsExactly(db);
		assertThat(search("#" + other)).containsExactly(other);
		assertThat(search("nothing-matches-this")).isEmpty();
		assertThat(search("<script>alert(1)</script>'; drop table ticket; --")).isEmpty();
	}

	@Test
	void filtersCombine() {
		long high = this.tickets.create(this.requester, TestData.bug("High bug"), List.of());
		create("Normal question");
		QueueFilter filter = new QueueFilter(QueueView.ALL, null, TicketStatus.NEW, Priority.HIGH, RequestType.BUG,
				this.client, null, null, null, 25);
		assertThat(this.queries.page(this.agent, filter, null).rows()).extracting(TicketRow::id).containsExactly(high);
	}

	@Test
	void aRequesterListsOnlyTheirClientsTicketsWhateverFiltersTheyPass() {
		long ours = create("Ours");
		Person outsider = this.data.requester(this.data.client());
		long theirs = this.tickets.create(outsider, TestData.question("Theirs"), List.of());

		Set<Long> seen = new HashSet<>();
		QueueFilter everything = new QueueFilter(QueueView.ALL, null, null, null, null, null, null, null, null, 100);
		String cursor = null;
		do {
			TicketPage page = this.queries.page(outsider, everything, cursor);
			page.rows().forEach((row) -> seen.add(row.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).containsExactly(theirs).doesNotContain(ours);
		QueueFilter askingForOurs = new QueueFilter(QueueView.ALL, null, null, null, null, this.client, null, null,
				null, 100);
		assertThat(this.queries.page(outsider, askingForOurs, null).rows()).isEmpty();
	}

	@Test
	void aCursorFromAnotherListOrMadeUpIsRefused() {
		for (int i = 0; i < 3; i++) {
			create("Cursor " + i);
		}
		QueueFilter all = new QueueFilter(QueueView.ALL, null, null, null, null, this.client, null, null, null, 1);
		String cursor = this.queries.page(this.agent, all, null).nextCursor();
		QueueFilter newest = new QueueFilter(QueueView.NEW, null, null, null, null, this.client, null, null, null, 1);
		assertThatThrownBy(() -> this.queries.page(this.agent, newest, cursor))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.queries.page(this.agent, all, "not-a-cursor"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theNewViewPutsTheFirstReplyDueSoonestOnTopThenTicketsWithoutATargetOldestFirst() {
		// first replies: critical within 30 minutes and high within 2 hours, 24/7; none
		// for normal tickets
		long plan = this.admin.createPlan(TestData.unique("Fast plan"), null, false, null);
		this.policies.setUp(plan, this.calendars.list().get(0).id(), 0.25, List.of(
				new SlaTarget(Priority.CRITICAL, SlaMetric.FIRST_REPLY, Duration.ofMinutes(30), false, SlaClock.ALWAYS),
				new SlaTarget(Priority.HIGH, SlaMetric.FIRST_REPLY, Duration.ofHours(2), false, SlaClock.ALWAYS)), null,
				null);
		long fast = this.admin.createClient(new ClientCommand(TestData.unique("Fast client"), plan, null, true), null);
		Person requester = this.data.requester(fast);
		Instant now = Instant.now();
		this.clock.set(now.minus(Duration.ofHours(3)));
		long oldNormal = raise(requester, Priority.NORMAL, "Old question");
		this.clock.set(now.minus(Duration.ofHours(1)));
		// due half an hour ago: late, so it stays on top
		long lateCritical = raise(requester, Priority.CRITICAL, "Late critical");
		this.clock.set(now.minus(Duration.ofMinutes(30)));
		long high = raise(requester, Priority.HIGH, "High");
		this.clock.set(now.minus(Duration.ofMinutes(10)));
		long newNormal = raise(requester, Priority.NORMAL, "New question");
		this.clock.set(now);
		long critical = raise(requester, Priority.CRITICAL, "Shop down");
		long answered = raise(requester, Priority.CRITICAL, "Answered");
		this.tickets.reply(this.agent, answered, version(answered), "Looking", TicketStatus.OPEN, List.of());

		QueueFilter firstPage = new QueueFilter(QueueView.NEW, null, null, null, null, fast, null, null, null, 25);
		assertThat(this.queries.page(this.agent, firstPage, null).rows()).extracting(TicketRow::id)
			.containsExactly(lateCritical, critical, high, oldNormal, newNormal);

		// paged one at a time, across the due times and into the tickets without one
		QueueFilter oneByOne = firstPage.withPageSize(1);
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		do {
			TicketPage page = this.queries.page(this.agent, oneByOne, cursor);
			page.rows().forEach((row) -> seen.add(row.id()));
			cursor = page.nextCursor();
		}
		while (cursor != null);
		assertThat(seen).containsExactly(lateCritical, critical, high, oldNormal, newNormal);
		QueueFilter twoAtATime = firstPage.withPageSize(2);
		TicketPage second = this.queries.page(this.agent, twoAtATime,
				this.queries.page(this.agent, twoAtATime, null).nextCursor());
		assertThat(second.rows()).extracting(TicketRow::id).containsExactly(high, oldNormal);
		assertThat(this.queries.page(this.agent, twoAtATime, second.nextCursor()).rows()).extracting(TicketRow::id)
			.containsExactly(newNormal);
	}

	@Test
	void aGroupMemberLandsOnTheirGroupsWorkAndTheirNewViewLeavesOutWhatWentToAnotherGroup() {
		Person member = this.data.agent();
		Person expert = this.data.agent();
		Person deliveryManager = this.data.person(com.helpdesk.directory.Role.DELIVERY_MANAGER, null);
		long tier = this.data.group(member);
		long experts = this.data.group(expert);
		long delivery = this.data.group(deliveryManager);
		long mine = intoGroup(create("In our group"), tier);
		long escalated = intoGroup(create("Escalated"), tier);
		this.tickets.triage(member, escalated, version(escalated),
				new TriageChange(null, null, null, experts, false, null, false, null, "Needs a platform expert"));
		long sentToDelivery = intoGroup(create("Deploy the new app"), tier);
		this.tickets.sendTo(null, sentToDelivery, delivery, deliveryManager.id(),
				"In-depth work goes to the delivery manager first");
		long ungrouped = create("Nobody's yet");
		this.tickets.triage(member, ungrouped, version(ungrouped),
				new TriageChange(null, null, null, null, true, null, false, null, "Not ours"));
		long working = intoGroup(create("Working on it"), tier);
		this.tickets.reply(member, working, version(working), "On it", TicketStatus.OPEN, List.of());
		long waiting = intoGroup(create("Waiting on them"), tier);
		this.tickets.reply(member, waiting, version(waiting), "Which page?", TicketStatus.PENDING, List.of());

		assertThat(this.queries.counts(member).myGroupIds()).containsExactly(tier);
		assertThat(this.queries.counts(this.agent).inAGroup()).isFalse();
		assertThat(idsFor(member, QueueView.MY_GROUPS, null)).containsExactlyInAnyOrder(mine, working);
		assertThat(idsFor(member, QueueView.NEW, null)).as("what the member must acknowledge")
			.containsExactlyInAnyOrder(mine, ungrouped);
		assertThat(idsFor(expert, QueueView.NEW, null)).containsExactlyInAnyOrder(escalated, ungrouped);
		assertThat(idsFor(expert, QueueView.MY_GROUPS, null)).containsExactly(escalated);
		assertThat(idsFor(deliveryManager, QueueView.MY_GROUPS, null)).containsExactly(sentToDelivery);
		assertThat(idsFor(this.agent, QueueView.NEW, null)).as("someone in no group sees every new ticket")
			.containsExactlyInAnyOrder(mine, escalated, sentToDelivery, ungrouped);
		assertThat(idsFor(member, QueueView.GROUP, experts)).as("each ticket in its current group only")
			.containsExactly(escalated);
		assertThat(idsFor(member, QueueView.GROUP, tier)).containsExactlyInAnyOrder(mine, working, waiting);
		QueueFilter newOfExperts = new QueueFilter(QueueView.NEW, null, null, null, null, this.client, experts, null,
				null, 100);
		assertThat(this.queries.page(member, newOfExperts, null).rows()).extracting(TicketRow::id)
			.as("a group chosen in the filters shows that group's new work")
			.containsExactly(escalated);
	}

	@Test
	void eachViewIsCountedForThePersonAndBigViewsOnlyUpToTheCap() {
		Person member = this.data.agent();
		long group = this.data.group(member);
		long first = intoGroup(create("Counted one"), group);
		intoGroup(create("Counted two"), group);
		long taken = intoGroup(create("Counted three"), group);
		this.tickets.triage(member, taken, version(taken), TriageChange.take(member.id()));
		this.tickets.reply(member, first, version(first), "Fixed", TicketStatus.SOLVED, List.of());

		QueueCounts counts = this.queries.counts(member);
		assertThat(counts.ofGroup(group)).isEqualTo(2);
		assertThat(counts.of(QueueView.MY_GROUPS)).isEqualTo(2);
		assertThat(counts.of(QueueView.NEW)).as("new work of the group and any not in a group")
			.isGreaterThanOrEqualTo(2);
		assertThat(counts.of(QueueView.MINE)).isEqualTo(1);
		assertThat(counts.of(QueueView.ALL)).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(QueueCounts.CAP + 1);

		// kept for a while: a new ticket is counted once the time is up
		intoGroup(create("Counted four"), group);
		assertThat(this.queries.counts(member).ofGroup(group)).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(this.queries.counts(member).ofGroup(group)).isEqualTo(3);

		// a group with more open work than the cap is counted as "more"
		Person busy = this.data.agent();
		long big = this.data.group(busy);
		this.jdbc.sql("""
				insert into ticket (subject, description, type, status, priority, client_id, requester_id, group_id,
				    created_at, updated_at)
				select 'Old open ' || n, 'Imported', 'QUESTION', 'OPEN', 'LOW', ?, ?, ?, timestamptz '2020-01-01',
				    timestamptz '2020-01-01'
				from generate_series(1, 1100) n
				""").params(this.client, this.requester.id(), big).update();
		try {
			QueueCounts busyCounts = this.queries.counts(busy);
			assertThat(busyCounts.ofGroup(big)).isEqualTo(QueueCounts.CAP + 1);
			assertThat(busyCounts.of(QueueView.MY_GROUPS)).isEqualTo(QueueCounts.CAP + 1);
			assertThat(busyCounts.of(QueueView.OPEN)).isEqualTo(QueueCounts.CAP + 1);
		}
		finally {
			// other tests share the database and its open tickets
			this.jdbc.sql("delete from ticket where group_id = ?").param(big).update();
		}
	}

	@Test
	void searchFindsRequestersClientsAndNumbersFromAnyViewAndTermsNarrowIt() {
		long fresh = create("Printer jam");
		long waiting = create("Invoice missing");
		this.tickets.reply(this.agent, waiting, version(waiting), "Which month?", TicketStatus.PENDING, List.of());
		Person other = this.data.requester(this.client);
		long theirs = this.tickets.create(other, TestData.question("Password reset"), List.of());
		String clientName = this.queries.ticket(this.agent, fresh).clientName();

		// from the Pending view, a requester's email finds their new ticket too
		assertThat(searchIn(QueueView.PENDING, this.requester.email(), false)).containsExactlyInAnyOrder(fresh,
				waiting);
		assertThat(searchIn(QueueView.PENDING, this.requester.email(), true)).as("only in Pending")
			.containsExactly(waiting);
		assertThat(searchIn(QueueView.NEW, other.name(), false)).containsExactly(theirs);
		assertThat(searchIn(QueueView.MINE, clientName, false)).containsExactlyInAnyOrder(fresh, waiting, theirs);
		assertThat(searchIn(QueueView.SOLVED, String.valueOf(waiting), false)).containsExactly(waiting);
		assertThat(search("requester:" + other.email())).containsExactly(theirs);
		assertThat(search("requester:\"" + this.requester.name() + "\" status:pending")).containsExactly(waiting);
		assertThat(search("client:\"" + clientName + "\" status:NEW")).containsExactlyInAnyOrder(fresh, theirs);
		assertThat(search("client:" + clientName + " printer")).containsExactly(fresh);
		assertThat(search("#" + theirs + " client:" + clientName)).containsExactly(theirs);
		assertThat(search("requester:nobody-has-this-name")).isEmpty();
		assertThat(search("100%_\\")).isEmpty();
		assertThatThrownBy(() -> search("status:lost")).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).errors())
				.containsExactly(new InvalidInputException.FieldError("q", "queue.search.status.invalid")));
	}

	private long raise(Person requester, Priority priority, String subject) {
		return this.tickets.create(requester, new NewTicket(RequestType.QUESTION, subject, "About " + subject, "Looked",
				priority, RequestDetails.none(), null), List.of());
	}

	private long intoGroup(long id, long group) {
		this.tickets.triage(this.agent, id, version(id),
				new TriageChange(null, null, null, group, false, null, false, null, "Theirs to do"));
		return id;
	}

	private List<Long> searchIn(QueueView view, String text, boolean withinView) {
		return this.queries
			.page(this.agent,
					new QueueFilter(view, null, null, null, null, this.client, null, null, text, 100, withinView), null)
			.rows()
			.stream()
			.map(TicketRow::id)
			.toList();
	}

	private long create(String subject) {
		return this.tickets.create(this.requester, TestData.question(subject), List.of());
	}

	private long version(long id) {
		return this.queries.ticket(this.agent, id).version();
	}

	private List<Long> ids(QueueView view) {
		return this.queries
			.page(this.agent, new QueueFilter(view, null, null, null, null, this.client, null, null, null, 100), null)
			.rows()
			.stream()
			.map(TicketRow::id)
			.toList();
	}

	private List<Long> idsFor(Person viewer, QueueView view, Long group) {
		return this.queries
			.page(viewer, new QueueFilter(view, group, null, null, null, this.client, null, null, null, 100), null)
			.rows()
			.stream()
			.map(TicketRow::id)
			.toList();
	}

	private List<Long> search(String text) {
		return this.queries
			.page(this.agent,
					new QueueFilter(QueueView.ALL, null, null, null, null, this.client, null, null, text, 100), null)
			.rows()
			.stream()
			.map(TicketRow::id)
			.toList();
	}

}
