package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Overrides and leave in PostgreSQL: a cover splits the shift it covers and is refused
 * when it overlaps another, lies in the past or covers no shift; leave flags the shifts
 * it clashes with and suggests the free colleague with the fewest recent shift hours.
 */
@IntegrationTest
class LeavesAndCoversTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	Rotas rotas;

	@Autowired
	Leaves leaves;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	Person ann;

	Person bob;

	Person cid;

	@BeforeEach
	void people() {
		this.ann = this.data.agent();
		this.bob = this.data.agent();
		this.cid = this.data.agent();
		this.clock.set(london("2026-01-05T12:00"));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	/** Weekly from Wednesday 7 January 10:00: Ann, Bob, Cid, Ann, ... */
	long rota(List<Long> people, int stintWeeks, int everyWeeks) {
		return this.rotas.create(new RotaCommand(TestData.unique("Covers"), RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE,
				"Europe/London", LocalDate.of(2026, 1, 7), LocalTime.of(10, 0), null, null, false, false,
				List.of(new PositionCommand("On support", stintWeeks, everyWeeks, 0, people))), null);
	}

	long position(long rotaId) {
		return this.rotas.get(rotaId).positions().get(0).id();
	}

	@Test
	void theHolderArrangesCoverForPartOfTheirShiftAndTheRotaShowsIt() {
		long rota = rota(List.of(this.ann.id(), this.bob.id(), this.cid.id()), 1, 1);
		this.rotas.addCover(rota, new CoverCommand(position(rota), this.cid.id(), null, london("2026-01-09T12:00"),
				london("2026-01-10T12:00"), "Dentist"), this.ann);

		List<ShiftView> week = this.rotas.shifts(rota, london("2026-01-07T10:00"), london("2026-01-14T10:00"));
		assertThat(week).extracting(ShiftView::personName)
			.containsExactly(this.ann.name(), this.cid.name(), this.ann.name());
		assertThat(week.get(1).scheduledPersonName()).isEqualTo(this.ann.name());
		assertThat(week.get(1).shift().start()).isEqualTo(london("2026-01-09T12:00"));

		Person stranger = this.data.agent();
		assertThatThrownBy(
				() -> this.rotas
					.addCover(rota,
							new CoverCommand(position(rota), this.cid.id(), null, london("2026-01-15T12:00"),
									london("2026-01-15T18:00"), null),
							stranger))
			.isInstanceOf(AccessDeniedException.class);
		Person manager = this.data.person(Role.MANAGER, null);
		this.rotas.addCover(rota, new CoverCommand(position(rota), this.cid.id(), null, london("2026-01-15T12:00"),
				london("2026-01-15T18:00"), null), manager);
		assertThat(this.rotas.get(rota).covers()).hasSize(2);
	}

	@Test
	void coversThatOverlapLieInThePastOrCoverNoShiftAreRefused() {
		long rota = rota(List.of(this.ann.id(), this.bob.id(), this.cid.id()), 1, 1);
		long position = position(rota);
		this.rotas.addCover(rota, new CoverCommand(position, this.cid.id(), null, london("2026-01-09T12:00"),
				london("2026-01-10T12:00"), null), this.ann);

		assertThat(
				errors(rota,
						new CoverCommand(position, this.bob.id(), null, london("2026-01-10T00:00"),
								london("2026-01-11T00:00"), null)))
			.containsExactly(new FieldError("start", "rota.cover.overlap"));
		assertThat(
				errors(rota,
						new CoverCommand(position, this.bob.id(), null, london("2026-01-05T09:00"),
								london("2026-01-08T00:00"), null)))
			.containsExactly(new FieldError("start", "rota.cover.past"));
		assertThat(
				errors(rota,
						new CoverCommand(position, this.bob.id(), null, london("2026-01-08T12:00"),
								london("2026-01-08T11:00"), null)))
			.containsExactly(new FieldError("end", "rota.cover.end.beforeStart"));
		assertThat(
				errors(rota,
						new CoverCommand(position, this.ann.id(), null, london("2026-01-08T12:00"),
								london("2026-01-08T13:00"), null)))
			.containsExactly(new FieldError("personId", "rota.cover.self"));
		assertThat(errors(rota, new CoverCommand(position, null, null, null, null, null))).containsExactly(
				new FieldError("start", "rota.cover.start.required"), new FieldError("end", "rota.cover.end.required"),
				new FieldError("personId", "rota.cover.person.required"));
		Person requester = this.data.requester(this.data.client());
		assertThat(
				errors(rota,
						new CoverCommand(position, requester.id(), null, london("2026-01-08T12:00"),
								london("2026-01-08T13:00"), null)))
			.containsExactly(new FieldError("personId", "rota.member.notStaff"));
		assertThat(this.rotas.get(rota).covers()).hasSize(1);

		long pairs = rota(List.of(this.ann.id(), this.bob.id(), this.cid.id()), 2, 1);
		assertThat(errors(pairs,
				new CoverCommand(position(pairs), this.cid.id(), null, london("2026-01-15T12:00"),
						london("2026-01-15T13:00"), null)))
			.containsExactly(new FieldError("coveredPersonId", "rota.cover.whom"));
	}

	@Test
	void leaveFlagsTheShiftsItClashesWithAndSuggestsTheFreeColleagueWithFewestRecentHours() {
		long rota = rota(List.of(this.ann.id(), this.bob.id(), this.cid.id()), 1, 1);
		// Cid is also on a second rota every week, so has far more recent hours than Bob
		rota(List.of(this.cid.id()), 1, 1);
		// Ann's second turn runs 28 January – 4 February; she is away 29–30 January
		this.leaves.add(this.ann, LocalDate.of(2026, 1, 29), LocalDate.of(2026, 1, 30), "Wedding");

		List<LeaveClash> clashes = this.leaves.clashes(rota, london("2026-01-01T00:00"), london("2026-03-01T00:00"));
		assertThat(clashes).hasSize(1);
		LeaveClash clash = clashes.get(0);
		assertThat(clash.shift().personName()).isEqualTo(this.ann.name());
		assertThat(clash.start()).isEqualTo(london("2026-01-29T00:00"));
		assertThat(clash.end()).isEqualTo(london("2026-01-31T00:00"));
		assertThat(clash.suggestedId()).isEqualTo(this.bob.id());
		// Bob: his week 14–21 January; the twelve weeks before 29 January hold it whole
		assertThat(clash.suggestedRecentHours()).isEqualTo(168);

		// with Bob away too, Cid is the one free
		this.leaves.add(this.bob, LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 30), null);
		assertThat(
				this.leaves.clashes(rota, london("2026-01-28T00:00"), london("2026-02-01T00:00")).get(0).suggestedId())
			.isEqualTo(this.cid.id());
	}

	@Test
	void leaveThatEndsBeforeItStartsLiesInThePastOrOverlapsIsRefused() {
		assertThatThrownBy(() -> this.leaves.add(this.ann, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 2), null))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> assertThat(ex.errors())
				.containsExactly(new FieldError("lastDay", "rota.leave.lastDay.beforeFirst")));
		assertThatThrownBy(() -> this.leaves.add(this.ann, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 2), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("lastDay", "rota.leave.past")));
		long id = this.leaves.add(this.ann, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 6), null);
		assertThatThrownBy(() -> this.leaves.add(this.ann, LocalDate.of(2026, 2, 6), LocalDate.of(2026, 2, 9), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("firstDay", "rota.leave.overlap")));
		assertThatThrownBy(() -> this.leaves.remove(id, this.bob)).isInstanceOf(AccessDeniedException.class);
		this.leaves.remove(id, this.ann);
		assertThat(this.leaves.of(this.ann.id())).isEmpty();
	}

	private List<FieldError> errors(long rota, CoverCommand command) {
		try {
			this.rotas.addCover(rota, command, this.data.person(Role.MANAGER, null));
		}
		catch (InvalidInputException ex) {
			return ex.errors();
		}
		throw new AssertionError("expected the cover to be refused");
	}

}
