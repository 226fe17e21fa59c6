package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.directory.Person;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotas kept in PostgreSQL: set up, read back as shifts, changed from a date without
 * touching the past, joined and left by their people, and refused when the input would
 * leave a shift with no one or a handover at a time that does not exist.
 */
@IntegrationTest
class RotasTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Wednesday. */
	static final LocalDate START = LocalDate.of(2026, 1, 7);

	@Autowired
	Rotas rotas;

	@Autowired
	TestData data;

	@Autowired
	com.helpdesk.support.RotaFixture rotaFixture;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	Person ann;

	Person bob;

	Person cid;

	Person dee;

	long calendar;

	@BeforeEach
	void people() {
		this.ann = this.data.agent();
		this.bob = this.data.agent();
		this.cid = this.data.agent();
		this.dee = this.data.agent();
		this.calendar = this.rotaFixture.teamHours();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	RotaCommand weeklyPair(String name, List<Long> developers, List<Long> ops) {
		return new RotaCommand(name, RotaTemplate.WEEKLY_PAIR, RotaDuty.FIRST_LINE, "Europe/London", START,
				LocalTime.of(10, 0), this.calendar, null, false, false,
				List.of(new PositionCommand("Developer", 1, 1, 0, developers),
						new PositionCommand("Ops engineer", 1, 1, 0, ops)));
	}

	RotaCommand onCall(String name, List<Long> people) {
		return new RotaCommand(name, RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL, "Europe/London", START,
				LocalTime.of(10, 0), this.calendar, null, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, people)));
	}

	@Test
	void aRotaIsKeptAndItsShiftsComeBackWithNames() {
		long id = this.rotas.create(weeklyPair(TestData.unique("First line"), List.of(this.ann.id(), this.bob.id()),
				List.of(this.cid.id())), null);

		List<ShiftView> week2 = this.rotas.shifts(id, london("2026-01-14T12:00"), london("2026-01-14T12:01"));
		assertThat(week2).extracting((v) -> v.shift().positionName()).containsExactly("Developer", "Ops engineer");
		assertThat(week2).extracting(ShiftView::personName).containsExactly(this.bob.name(), this.cid.name());
		assertThat(week2.get(0).shift().start()).isEqualTo(london("2026-01-14T10:00"));
		assertThat(week2.get(0).shift().end()).isEqualTo(london("2026-01-21T10:00"));
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'ROTA' and entity_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aNewOrderFromADateLeavesEveryEarlierShiftAsItWas() {
		this.clock.set(london("2026-02-02T09:00"));
		long id = this.rotas.create(weeklyPair(TestData.unique("First line"), List.of(this.ann.id(), this.bob.id()),
				List.of(this.cid.id())), null);
		List<ShiftView> before = this.rotas.shifts(id, london("2026-01-07T10:00"), london("2026-02-11T10:00"));
		Rota rota = this.rotas.get(id);
		RotaPosition developers = rota.positions().get(0);
		// from Wednesday 11 February: Dee joins the developers, after the natural order
		LocalDate from = LocalDate.of(2026, 2, 11);
		List<Long> order = new java.util.ArrayList<>(rota.continuingOrder(developers, from));
		assertThat(order).containsExactly(this.bob.id(), this.ann.id());
		order.add(this.dee.id());
		this.rotas.changeRoster(id, developers.id(), from, order, this.ann.id());

		assertThat(this.rotas.shifts(id, london("2026-01-07T10:00"), london("2026-02-11T10:00"))).isEqualTo(before);
		List<String> developersAfter = this.rotas.shifts(id, london("2026-02-11T10:00"), london("2026-03-11T10:00"))
			.stream()
			.filter((v) -> v.shift().positionName().equals("Developer"))
			.map(ShiftView::personName)
			.toList();
		assertThat(developersAfter).containsExactly(this.bob.name(), this.ann.name(), this.dee.name(), this.bob.name());
		assertThat(this.jdbc
			.sql("select details from audit_event where entity_type = 'ROTA' and entity_id = ? "
					+ "and action = 'ROSTER_CHANGED'")
			.param(id)
			.query(String.class)
			.single()).contains("Developer from 2026-02-11").contains(this.dee.name());
	}

	@Test
	void aNewOrderThatWouldChangeAShiftThatHasStartedIsRefusedAndNothingIsSaved() {
		this.clock.set(london("2026-02-04T10:30"));
		long id = this.rotas.create(weeklyPair(TestData.unique("First line"), List.of(this.ann.id(), this.bob.id()),
				List.of(this.cid.id())), null);
		RotaPosition developers = this.rotas.get(id).positions().get(0);
		// the 10:00 handover today has happened
		assertThatThrownBy(() -> this.rotas.changeRoster(id, developers.id(), LocalDate.of(2026, 2, 4),
				List.of(this.dee.id()), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("from", "rota.roster.from.past")));
		// the day before: the first handover on or after it is today's, also past
		assertThatThrownBy(() -> this.rotas.changeRoster(id, developers.id(), LocalDate.of(2026, 2, 3),
				List.of(this.dee.id()), null))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.rotas.get(id).positions().get(0).rosters()).hasSize(1);
		// tomorrow is fine: the first handover on or after it is next week's
		this.rotas.changeRoster(id, developers.id(), LocalDate.of(2026, 2, 5), List.of(this.dee.id()), null);
		assertThat(this.rotas.get(id).positions().get(0).rosters()).hasSize(2);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNoRotaIsSaved() {
		Person requester = this.data.requester(this.data.client());
		long before = this.jdbc.sql("select count(*) from rota").query(Long.class).single();
		String taken = TestData.unique("Taken");
		this.rotas.create(onCall(taken, List.of(this.ann.id())), null);

		RotaCommand bad = new RotaCommand(taken, RotaTemplate.CUSTOM, RotaDuty.ON_CALL, "Mars/Olympus", null, null,
				null, null, false, false,
				List.of(new PositionCommand("", 2, 3, 0, List.of(this.ann.id())),
						new PositionCommand("Pair", 2, 1, 0, List.of(this.ann.id())),
						new PositionCommand("Twice", 1, 1, 0, List.of(this.ann.id(), this.ann.id())),
						new PositionCommand("Nobody", 1, 1, 0, List.of()),
						new PositionCommand("Outsider", 1, 1, 0, List.of(requester.id()))));
		assertThatThrownBy(() -> this.rotas.create(bad, null)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("name", "rota.name.taken"),
						new FieldError("timeZone", "rota.timeZone.invalid"),
						new FieldError("startsOn", "rota.startsOn.required"),
						new FieldError("handoverTime", "rota.handoverTime.required"),
						new FieldError("calendarId", "rota.calendar.requiredForOnCall"),
						new FieldError("positions[0].name", "rota.position.name.required"),
						new FieldError("positions[0].everyWeeks", "rota.position.everyWeeks.gap"),
						new FieldError("positions[1].members", "rota.members.tooFew"),
						new FieldError("positions[2].members", "rota.members.duplicate"),
						new FieldError("positions[3].members", "rota.members.required"),
						new FieldError("positions[4].members", "rota.member.notStaff")));
		assertThat(this.jdbc.sql("select count(*) from rota").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void aHandoverTimeThatSomeHandoverDayLacksIsRefused() {
		// Sundays at 01:30: on 29 March 2026 the clocks go from 01:00 to 02:00
		RotaCommand command = new RotaCommand(TestData.unique("Night"), RotaTemplate.CUSTOM, RotaDuty.FIRST_LINE,
				"Europe/London", LocalDate.of(2026, 1, 4), LocalTime.of(1, 30), null, null, false, false,
				List.of(new PositionCommand("On support", 1, 1, 0, List.of(this.ann.id()))));
		assertThatThrownBy(() -> this.rotas.create(command, null)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors())
					.containsExactly(new FieldError("handoverTime", "rota.handoverTime.gap")));
	}

	@Test
	void peopleJoinAndLeaveAnOptInRotaFromTheNextShiftThatHasNotStarted() {
		this.clock.set(london("2026-01-20T12:00"));
		long id = this.rotas.create(onCall(TestData.unique("On call"), List.of(this.ann.id(), this.bob.id())), null);
		// Tue 20 Jan: week 2 (Bob, from Wed 14 Jan) is running; the next handover is Wed
		// 21 Jan
		LocalDate joined = this.rotas.join(id, this.cid);
		assertThat(joined).isEqualTo(LocalDate.of(2026, 1, 21));
		assertThat(names(id, "2026-01-14T10:00", "2026-02-25T10:00")).containsExactly(this.bob.name(), this.ann.name(),
				this.bob.name(), this.cid.name(), this.ann.name(), this.bob.name());
		assertThatThrownBy(() -> this.rotas.join(id, this.cid)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("rota", "rota.optIn.alreadyOn")));

		this.clock.set(london("2026-01-22T12:00"));
		// Ann is on now (21–28 Jan); leaving takes her off from 28 Jan, this week stays
		// hers
		assertThat(this.rotas.leave(id, this.ann)).isEqualTo(LocalDate.of(2026, 1, 28));
		assertThat(names(id, "2026-01-21T10:00", "2026-02-25T10:00")).containsExactly(this.ann.name(), this.bob.name(),
				this.cid.name(), this.bob.name(), this.cid.name());
		this.rotas.leave(id, this.bob);
		assertThatThrownBy(() -> this.rotas.leave(id, this.cid)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("rota", "rota.optIn.lastOne")));
		assertThatThrownBy(() -> this.rotas.leave(id, this.dee)).isInstanceOf(InvalidInputException.class);

		long fixed = this.rotas
			.create(weeklyPair(TestData.unique("Fixed"), List.of(this.ann.id()), List.of(this.bob.id())), null);
		assertThatThrownBy(() -> this.rotas.join(fixed, this.cid)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors()).containsExactly(new FieldError("rota", "rota.optIn.closed")));
	}

	@Test
	void onCallWorksWhenTheCalendarIsClosedAndFirstLineWhenItIsOpen() {
		String firstLine = TestData.unique("First line");
		String onCall = TestData.unique("On call");
		this.rotas.create(weeklyPair(firstLine, List.of(this.ann.id()), List.of(this.bob.id())), null);
		this.rotas.create(onCall(onCall, List.of(this.cid.id())), null);

		this.clock.set(london("2026-01-17T12:00"));
		OnDuty saturdayLine = find(this.rotas.now(), firstLine);
		OnDuty saturdayCall = find(this.rotas.now(), onCall);
		assertThat(saturdayLine.working()).isFalse();
		assertThat(saturdayCall.working()).isTrue();
		assertThat(saturdayCall.shifts()).extracting(ShiftView::personName).containsExactly(this.cid.name());

		this.clock.set(london("2026-01-19T11:00"));
		assertThat(find(this.rotas.now(), firstLine).working()).isTrue();
		assertThat(find(this.rotas.now(), onCall).working()).isFalse();
		assertThat(find(this.rotas.now(), firstLine).shifts()).extracting(ShiftView::personName)
			.containsExactly(this.ann.name(), this.bob.name());
		List<OnDuty> all = this.rotas.now();
		assertThat(all.indexOf(find(all, firstLine))).isLessThan(all.indexOf(find(all, onCall)));
	}

	@Test
	void someonesShiftsComeFromEveryRotaTheyAreOn() {
		this.rotas.create(weeklyPair(TestData.unique("First line"), List.of(this.ann.id(), this.bob.id()),
				List.of(this.cid.id())), null);
		this.rotas.create(onCall(TestData.unique("On call"), List.of(this.bob.id(), this.ann.id())), null);

		List<ShiftView> annsJanuary = this.rotas.shiftsOf(this.ann.id(), london("2026-01-07T10:00"),
				london("2026-02-04T10:00"));
		assertThat(annsJanuary).extracting((v) -> v.shift().start())
			.containsExactly(london("2026-01-07T10:00"), london("2026-01-14T10:00"), london("2026-01-21T10:00"),
					london("2026-01-28T10:00"));
		assertThat(annsJanuary).extracting((v) -> v.shift().positionName())
			.containsExactly("Developer", "On call", "Developer", "On call");
	}

	private List<String> names(long rotaId, String from, String to) {
		return this.rotas.shifts(rotaId, london(from), london(to)).stream().map(ShiftView::personName).toList();
	}

	private static OnDuty find(List<OnDuty> all, String name) {
		return all.stream().filter((d) -> d.rotaName().equals(name)).findFirst().orElseThrow();
	}

}
