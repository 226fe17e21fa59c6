package com.helpdesk.ticket;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.helpdesk.directory.Person;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import com.helpdesk.ticket.internal.IdempotencyKeysJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Raising a ticket with an Idempotency-Key: a retry of the same request answers the
 * ticket the first raised, never a second one, even when both arrive at once.
 */
@IntegrationTest
class IdempotentTicketsTest {

	@Autowired
	TicketService tickets;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	IdempotencyKeysJob job;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void putTheClockBack() {
		this.clock.reset();
	}

	@Test
	void theSameKeyAndRequestAnswerTheFirstTicket() {
		Person requester = this.data.requester(this.data.client());
		NewTicket request = TestData.question("Asked twice");
		IdempotentRequest once = new IdempotentRequest(UUID.randomUUID().toString(), "fingerprint-1");
		RaisedTicket first = this.tickets.create(requester, request, once);
		RaisedTicket again = this.tickets.create(requester, request, once);
		assertThat(first.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(ticketsOf(requester)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherRequestIsAConflictAndRaisesNothing() {
		Person requester = this.data.requester(this.data.client());
		String key = UUID.randomUUID().toString();
		this.tickets.create(requester, TestData.question("First"), new IdempotentRequest(key, "fingerprint-1"));
		assertThatThrownBy(() -> this.tickets.create(requester, TestData.question("Second"),
				new IdempotentRequest(key, "fingerprint-2")))
			.isInstanceOf(ConflictException.class)
			.extracting((ex) -> ((ConflictException) ex).messageKey())
			.isEqualTo("api.idempotency.reused");
		assertThat(ticketsOf(requester)).isEqualTo(1);
	}

	@Test
	void keysAreEachCallersOwn() {
		long client = this.data.client();
		Person one = this.data.requester(client);
		Person other = this.data.requester(client);
		IdempotentRequest same = new IdempotentRequest(UUID.randomUUID().toString(), "fingerprint-1");
		long mine = this.tickets.create(one, TestData.question("Mine"), same).id();
		RaisedTicket theirs = this.tickets.create(other, TestData.question("Mine"), same);
		assertThat(theirs.replayed()).isFalse();
		assertThat(theirs.id()).isNotEqualTo(mine);
	}

	@Test
	void anInvalidRequestLeavesTheKeyFreeForTheCorrectedOne() {
		Person requester = this.data.requester(this.data.client());
		String key = UUID.randomUUID().toString();
		NewTicket invalid = new NewTicket(RequestType.QUESTION, "", "", "", null, RequestDetails.none(), null);
		assertThatThrownBy(() -> this.tickets.create(requester, invalid, new IdempotentRequest(key, "bad")))
			.isInstanceOf(InvalidInputException.class);
		RaisedTicket corrected = this.tickets.create(requester, TestData.question("Corrected"),
				new IdempotentRequest(key, "good"));
		assertThat(corrected.replayed()).isFalse();
		assertThat(ticketsOf(requester)).isEqualTo(1);
	}

	@Test
	void aKeyIsHonouredFor24HoursThenForgottenByTheCleanUp() {
		Person requester = this.data.requester(this.data.client());
		IdempotentRequest once = new IdempotentRequest(UUID.randomUUID().toString(), "fingerprint-1");
		long first = this.tickets.create(requester, TestData.question("Yesterday"), once).id();
		this.clock.advance(Duration.ofHours(23));
		assertThat(this.tickets.create(requester, TestData.question("Yesterday"), once).id()).isEqualTo(first);

		this.clock.advance(Duration.ofHours(2));
		// past 24 hours the key is a new one, even before the clean-up has run
		RaisedTicket later = this.tickets.create(requester, TestData.question("Yesterday"), once);
		assertThat(later.replayed()).isFalse();
		assertThat(later.id()).isNotEqualTo(first);

		String old = UUID.randomUUID().toString();
		this.tickets.create(requester, TestData.question("Old"), new IdempotentRequest(old, "f"));
		this.clock.advance(Duration.ofHours(25));
		String fresh = UUID.randomUUID().toString();
		this.tickets.create(requester, TestData.question("Fresh"), new IdempotentRequest(fresh, "f"));
		assertThat(this.job.run()).isPositive();
		assertThat(keys(requester)).containsExactly(fresh);
	}

	@Test
	void ofTwoRequestsAtOnceWithTheSameKeyOneRaisesTheTicketAndTheOtherIsAnsweredIt() throws Exception {
		for (int round = 0; round < 5; round++) {
			Person requester = this.data.requester(this.data.client());
			IdempotentRequest once = new IdempotentRequest(UUID.randomUUID().toString(), "fingerprint-1");
			NewTicket request = TestData.question("Sent twice at once");
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<RaisedTicket>> answers = List.of(pool.submit(() -> {
					start.await();
					return this.tickets.create(requester, request, once);
				}), pool.submit(() -> {
					start.await();
					return this.tickets.create(requester, request, once);
				}));
				start.countDown();
				RaisedTicket a = answers.get(0).get(30, TimeUnit.SECONDS);
				RaisedTicket b = answers.get(1).get(30, TimeUnit.SECONDS);
				assertThat(a.id()).isEqualTo(b.id());
				assertThat(List.of(a.replayed(), b.replayed())).containsExactlyInAnyOrder(true, false);
				assertThat(ticketsOf(requester)).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	private int ticketsOf(Person requester) {
		return this.jdbc.sql("select count(*) from ticket where requester_id = ?")
			.param(requester.id())
			.query(Integer.class)
			.single();
	}

	private List<String> keys(Person person) {
		return this.jdbc.sql("select idempotency_key from ticket_idempotency_key where person_id = ?")
			.param(person.id())
			.query(String.class)
			.list();
	}

}
