package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shift swaps in PostgreSQL: asked, accepted (with and without a manager's approval),
 * declined, withdrawn; refused when the shift is not yours, has started, or the colleague
 * is not on the rota; and of two people taking one offered shift at once, one gets it and
 * the other is told.
 */
@IntegrationTest
class ShiftSwapsTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	ShiftSwaps swaps;

	@Autowired
	Rotas rotas;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Person ann;

	Person bob;

	Person cid;

	@BeforeEach
	void people() {
		this.ann = this.data.agent();
		this.bob = this.data.agent();
		this.cid = this.data.agent();
		// Monday 5 January 2026, before the first handover of 7 January
		this.clock.set(london("2026-01-05T12:00"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	/** Weekly from Wednesday 7 January: Ann (stint 0), Bob (1), Cid (2), Ann (3), ... */
	long rota(boolean approval) {
		return this.rotas.create(new RotaCommand(TestData.unique("Swaps"), RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE,
				"Europe/London", LocalDate.of(2026, 1, 7), LocalTime.of(10, 0), null, null, false, approval,
				List.of(new PositionCommand("On support", 1, 1, 0,
						List.of(this.ann.id(), this.bob.id(), this.cid.id())))),
				null);
	}

	long position(long rotaId) {
		return this.rotas.get(rotaId).positions().get(0).id();
	}

	List<Long> holders(long rotaId) {
		return this.rotas.shifts(rotaId, london("2026-01-07T10:00"), london("2026-02-04T10:00"))
			.stream()
			.map((v) -> v.shift().personId())
			.toList();
	}

	@Test
	void aColleagueAcceptsASwapAndTheRotaShowsItAndBothAreTold() {
		long rota = rota(false);
		long swap = this.swaps.request(this.ann, rota, position(rota), 0, this.bob.id(), 1, "Dentist on Thursday");
		assertThat(inbox(this.bob)).anyMatch((t) -> t.startsWith(this.ann.name() + " asks you to swap"));
		assertThat(this.swaps.concerning(this.bob)).extracting(SwapView::id).contains(swap);

		assertThat(this.swaps.accept(swap, this.bob)).isEqualTo(SwapStatus.DONE);
		assertThat(holders(rota)).containsExactly(this.bob.id(), this.ann.id(), this.cid.id(), this.ann.id());
		assertThat(inbox(this.ann)).anyMatch((t) -> t.startsWith("Swap made"));
		assertThat(inbox(this.bob)).anyMatch((t) -> t.startsWith("Swap made"));
		assertThat(this.swaps.view(swap).status()).isEqualTo(SwapStatus.DONE);
		assertThatThrownBy(() -> this.swaps.accept(swap, this.bob)).isInstanceOf(ConflictException.class);
	}

	@Test
	void whereTheRotaAsksForApprovalAManagerApprovesOrRefuses() {
		Person manager = this.data.person(Role.MANAGER, null);
		long rota = rota(true);
		long approved = this.swaps.request(this.ann, rota, position(rota), 0, this.bob.id(), 1, null);
		assertThat(this.swaps.accept(approved, this.bob)).isEqualTo(SwapStatus.AWAITING_APPROVAL);
		assertThat(holders(rota).get(0)).as("not made until approved").isEqualTo(this.ann.id());
		assertThat(inbox(manager)).anyMatch((t) -> t.contains("waits for your approval"));
		assertThatThrownBy(() -> this.swaps.decide(approved, this.cid, true)).isInstanceOf(AccessDeniedException.class);
		this.swaps.decide(approved, manager, true);
		assertThat(holders(rota).subList(0, 2)).containsExactly(this.bob.id(), this.ann.id());

		long refused = this.swaps.request(this.cid, rota, position(rota), 2, this.ann.id(), 3, null);
		this.swaps.accept(refused, this.ann);
		this.swaps.decide(refused, manager, false);
		assertThat(this.swaps.view(refused).status()).isEqualTo(SwapStatus.REFUSED);
		assertThat(holders(rota).subList(2, 4)).containsExactly(this.cid.id(), this.ann.id());
		assertThat(inbox(this.cid)).anyMatch((t) -> t.startsWith("A manager refused"));
	}

	@Test
	void aColleagueDeclinesAndTheOneWhoAskedCanWithdrawOnlyTheirOwn() {
		long rota = rota(false);
		long declined = this.swaps.request(this.ann, rota, position(rota), 0, this.bob.id(), 1, null);
		assertThatThrownBy(() -> this.swaps.decline(declined, this.cid)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.swaps.accept(declined, this.cid)).isInstanceOf(AccessDeniedException.class);
		this.swaps.decline(declined, this.bob);
		assertThat(inbox(this.ann)).anyMatch((t) -> t.contains("declined the swap"));

		long withdrawn = this.swaps.request(this.ann, rota, position(rota), 0, this.cid.id(), 2, null);
		assertThatThrownBy(() -> this.swaps.cancel(withdrawn, this.cid)).isInstanceOf(AccessDeniedException.class);
		this.swaps.cancel(withdrawn, this.ann);
		assertThat(this.swaps.view(withdrawn).status()).isEqualTo(SwapStatus.CANCELLED);
		assertThatThrownBy(() -> this.swaps.accept(withdrawn, this.cid)).isInstanceOfSatisfying(ConflictException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("rota.swap.closed"));
		assertThat(holders(rota)).containsExactly(this.ann.id(), this.bob.id(), this.cid.id(), this.ann.id());
	}

	@Test
	void aSwapOfAShiftThatIsNotYoursHasStartedOrWithSomeoneNotOnTheRotaIsRefused() {
		long rota = rota(false);
		long position = position(rota);
		Person outsider = this.data.agent();
		assertThatThrownBy(() -> this.swaps.request(this.ann, rota, position, 1, this.cid.id(), 2, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("stint", "rota.swap.notYours")));
		assertThatThrownBy(() -> this.swaps.request(this.ann, rota, position, 0, outsider.id(), null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("colleague", "rota.swap.notOnRota")));
		assertThatThrownBy(() -> this.swaps.request(this.ann, rota, position, 0, this.bob.id(), 2, null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("colleague", "rota.swap.notTheirs")));
		assertThatThrownBy(() -> this.swaps.request(this.ann, rota, position, 0, this.ann.id(), 3, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("colleague", "rota.swap.self")));

		this.clock.set(london("2026-01-07T10:30"));
		assertThatThrownBy(() -> this.swaps.request(this.ann, rota, position, 0, this.bob.id(), 1, null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("stint", "rota.swap.started")));
		assertThat(this.jdbc.sql("select count(*) from rota_swap where rota_id = ?")
			.param(rota)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSwapWhoseShiftStartedBeforeItWasAcceptedCannotGoAhead() {
		long rota = rota(false);
		long swap = this.swaps.request(this.ann, rota, position(rota), 0, this.bob.id(), 1, null);
		this.clock.set(london("2026-01-07T11:00"));
		assertThatThrownBy(() -> this.swaps.accept(swap, this.bob)).isInstanceOfSatisfying(ConflictException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo("rota.swap.stale"));
		assertThat(this.swaps.view(swap).status()).isEqualTo(SwapStatus.REQUESTED);
	}

	@Test
	void ofTwoPeopleTakingAnOfferedShiftAtOnceOneGetsItAndTheOtherIsTold() throws Exception {
		long rota = rota(false);
		long offer = this.swaps.request(this.ann, rota, position(rota), 0, null, null, "Anyone free?");
		assertThat(inbox(this.bob)).anyMatch((t) -> t.contains("offers their"));
		assertThat(inbox(this.cid)).anyMatch((t) -> t.contains("offers their"));

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (Person taker : List.of(this.bob, this.cid)) {
				Callable<String> take = () -> {
					start.await();
					try {
						this.swaps.accept(offer, taker);
						return "won";
					}
					catch (ConflictException ex) {
						return ex.messageKey();
					}
				};
				results.add(pool.submit(take));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder("won", "rota.swap.taken");
		}
		finally {
			pool.shutdown();
		}
		SwapView taken = this.swaps.view(offer);
		assertThat(taken.status()).isEqualTo(SwapStatus.DONE);
		assertThat(holders(rota).get(0)).isEqualTo(taken.takenById());
		assertThat(holders(rota).get(3)).as("nothing given in return").isEqualTo(this.ann.id());
	}

	private List<String> inbox(Person person) {
		return this.jdbc.sql("select text from inbox_item where user_id = ? order by id")
			.param(person.id())
			.query(String.class)
			.list();
	}

}
