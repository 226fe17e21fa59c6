package com.helpdesk.ticket;

import com.helpdesk.shared.Priority;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

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

	long client;

	Person requester;

	Person agent;

	@BeforeEach
	void people() {
		this.client = this.data.client();
		this.requester = this.data.requester(this.client);
		this.agent = this.data.agent();
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
