package com.helpdesk.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pattern over a year, across both daylight saving changes, without a database.
 */
class RotaTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static Rota rota(RotaTemplate template, ZoneId zone, LocalDate startsOn, LocalTime handover,
			List<RotaPosition> positions) {
		return new Rota(1, "Rota", template.duty(), template, zone, startsOn, handover, null, null, template.optIn(),
				false, 0, positions, List.of(), List.of());
	}

	static RotaPosition position(long id, String name, int stintWeeks, int everyWeeks, LocalDate from,
			Long... members) {
		return new RotaPosition(id, name, stintWeeks, everyWeeks, 0, List.of(new Roster(from, List.of(members))));
	}

	static Instant local(ZoneId zone, String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
	}

	static final LocalDate FIRST_WEDNESDAY_2026 = LocalDate.of(2026, 1, 7);

	static Rota weeklyPair() {
		return rota(RotaTemplate.WEEKLY_PAIR, LONDON, FIRST_WEDNESDAY_2026, LocalTime.of(10, 0),
				List.of(position(10, "Developer", 1, 1, FIRST_WEDNESDAY_2026, 1L, 2L, 3L),
						position(20, "Ops engineer", 1, 1, FIRST_WEDNESDAY_2026, 4L, 5L)));
	}

	@Test
	void weeklyPairHandsOverEveryWednesdayAt10LocalAllYearIncludingBothDstChanges() {
		Rota rota = weeklyPair();
		List<Shift> shifts = rota.shifts(local(LONDON, "2026-01-07T10:00"), local(LONDON, "2027-01-06T10:00"));

		assertThat(shifts).hasSize(104);
		for (int week = 0; week < 52; week++) {
			Shift developer = shifts.get(week * 2);
			Shift ops = shifts.get(week * 2 + 1);
			ZonedDateTime start = developer.start().atZone(LONDON);
			ZonedDateTime end = developer.end().atZone(LONDON);
			assertThat(start.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
			assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
			assertThat(end.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
			assertThat(end.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
			assertThat(start.toLocalDate()).isEqualTo(FIRST_WEDNESDAY_2026.plusWeeks(week));
			assertThat(developer.positionName()).isEqualTo("Developer");
			assertThat(developer.personId()).isEqualTo(List.of(1L, 2L, 3L).get(week % 3));
			assertThat(ops.positionName()).isEqualTo("Ops engineer");
			assertThat(ops.personId()).isEqualTo(List.of(4L, 5L).get(week % 2));
			assertThat(ops.start()).isEqualTo(developer.start());
		}
		// the weeks holding 29 March (clocks forward) and 25 October (clocks back)
		Shift spring = rota.shiftsAt(local(LONDON, "2026-03-29T12:00")).get(0);
		assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(167));
		Shift autumn = rota.shiftsAt(local(LONDON, "2026-10-25T12:00")).get(0);
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(169));
	}

	@Test
	void weeklyPairHasOneDeveloperAndOneOpsEngineerOnAtEveryMomentAndHandsOverAtTheMinute() {
		Rota rota = weeklyPair();
		for (Instant at = local(LONDON, "2026-01-07T10:00"); at
			.isBefore(local(LONDON, "2027-01-06T10:00")); at = at.plus(Duration.ofHours(7))) {
			assertThat(rota.shiftsAt(at)).extracting(Shift::positionName).containsExactly("Developer", "Ops engineer");
		}
		Instant handover = local(LONDON, "2026-01-14T10:00");
		assertThat(rota.shiftsAt(handover.minusSeconds(60))).extracting(Shift::personId).containsExactly(1L, 4L);
		assertThat(rota.shiftsAt(handover)).extracting(Shift::personId).containsExactly(2L, 5L);
		assertThat(rota.shiftsAt(local(LONDON, "2026-01-07T09:59"))).isEmpty();
	}

	@Test
	void twoInSixPutsEachOfNineEngineersOnForTwoWeeksInEverySixWithThreeOnAtOnce() {
		LocalDate monday = LocalDate.of(2026, 1, 5);
		Rota rota = rota(RotaTemplate.TWO_IN_SIX, LONDON, monday, LocalTime.of(9, 0),
				List.of(position(1, "Engineer 1", 2, 2, monday, 1L, 2L, 3L),
						position(2, "Engineer 2", 2, 2, monday, 4L, 5L, 6L),
						position(3, "Engineer 3", 2, 2, monday, 7L, 8L, 9L)));
		Map<Long, Set<Integer>> weeksOn = new HashMap<>();
		for (int week = 0; week < 54; week++) {
			Instant midweek = local(LONDON, monday.plusWeeks(week) + "T13:00").plus(Duration.ofDays(2));
			List<Shift> on = rota.shiftsAt(midweek);
			assertThat(on).hasSize(3);
			for (Shift shift : on) {
				weeksOn.computeIfAbsent(shift.personId(), (p) -> new HashSet<>()).add(week);
				assertThat(shift.start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
				assertThat(shift.start().atZone(LONDON).toLocalDate().plusWeeks(2))
					.isEqualTo(shift.end().atZone(LONDON).toLocalDate());
			}
		}
		assertThat(weeksOn).hasSize(9);
		for (Set<Integer> weeks : weeksOn.values()) {
			for (int window = 0; window + 6 <= 54; window++) {
				int from = window;
				assertThat(weeks.stream().filter((w) -> w >= from && w < from + 6).count()).isEqualTo(2);
			}
		}
	}

	@Test
	void staggeredPairsKeepTwoOnWithOneChangingEachWeekForTwoWeekStints() {
		LocalDate monday = LocalDate.of(2026, 1, 5);
		Rota rota = rota(RotaTemplate.STAGGERED_PAIRS, LONDON, monday, LocalTime.of(9, 0),
				List.of(position(1, "Support pair", 2, 1, monday, 1L, 2L, 3L, 4L, 5L)));
		Set<Long> previous = null;
		for (int week = 1; week < 53; week++) {
			Instant midweek = local(LONDON, monday.plusWeeks(week).plusDays(2) + "T13:00");
			List<Shift> on = rota.shiftsAt(midweek);
			assertThat(on).hasSize(2);
			Set<Long> pair = new HashSet<>(on.stream().map(Shift::personId).toList());
			assertThat(pair).hasSize(2);
			for (Shift shift : on) {
				assertThat(shift.start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
				assertThat(shift.end().atZone(LONDON).toLocalDate())
					.isEqualTo(shift.start().atZone(LONDON).toLocalDate().plusWeeks(2));
			}
			if (previous != null) {
				Set<Long> stayed = new HashSet<>(pair);
				stayed.retainAll(previous);
				assertThat(stayed).as("one of the pair stays from the week before (week %d)", week).hasSize(1);
			}
			previous = pair;
		}
		// week 1: person 1 in their second week, person 2 in their first
		assertThat(rota.shiftsAt(local(LONDON, "2026-01-14T12:00"))).extracting(Shift::personId)
			.containsExactly(1L, 2L);
		assertThat(rota.shiftsAt(local(LONDON, "2026-01-21T12:00"))).extracting(Shift::personId)
			.containsExactly(2L, 3L);
	}

	@Test
	void onCallInNewYorkHandsOverMondayAt9LocalAcrossBothAmericanDstChanges() {
		LocalDate monday = LocalDate.of(2026, 1, 5);
		Rota rota = rota(RotaTemplate.OUT_OF_HOURS, NEW_YORK, monday, LocalTime.of(9, 0),
				List.of(position(1, "On call", 1, 1, monday, 1L, 2L)));
		List<Shift> shifts = rota.shifts(local(NEW_YORK, "2026-01-05T09:00"), local(NEW_YORK, "2027-01-04T09:00"));
		assertThat(shifts).hasSize(52);
		for (Shift shift : shifts) {
			assertThat(shift.start().atZone(NEW_YORK).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
			assertThat(shift.start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
		}
		// 8 March 2026 and 1 November 2026
		Shift spring = rota.shiftsAt(local(NEW_YORK, "2026-03-08T12:00")).get(0);
		assertThat(Duration.between(spring.start(), spring.end())).isEqualTo(Duration.ofHours(167));
		Shift autumn = rota.shiftsAt(local(NEW_YORK, "2026-11-01T12:00")).get(0);
		assertThat(Duration.between(autumn.start(), autumn.end())).isEqualTo(Duration.ofHours(169));
		assertThat(spring.start()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
		assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
	}

	@Test
	void aRosterChangeFromADateLeavesEarlierShiftsAsTheyWereAndStartsTheNewOrderThere() {
		Rota before = weeklyPair();
		RotaPosition developers = before.positions().get(0);
		LocalDate change = LocalDate.of(2026, 3, 4);
		// the natural order from that date, then a new developer added at the end
		List<Long> continuing = before.continuingOrder(developers, change);
		assertThat(continuing).containsExactly(3L, 1L, 2L);
		List<Long> order = new java.util.ArrayList<>(continuing);
		order.add(6L);
		Rota after = new Rota(1, "Rota", RotaDuty.FIRST_LINE, RotaTemplate.WEEKLY_PAIR, LONDON, FIRST_WEDNESDAY_2026,
				LocalTime.of(10, 0), null, null, false, false, 0,
				List.of(developers.withRoster(new Roster(change, order)), before.positions().get(1)), List.of(),
				List.of());

		Instant changeAt = local(LONDON, "2026-03-04T10:00");
		assertThat(after.shifts(local(LONDON, "2026-01-07T10:00"), changeAt))
			.isEqualTo(before.shifts(local(LONDON, "2026-01-07T10:00"), changeAt));
		List<Long> developersFrom = after.shifts(changeAt, local(LONDON, "2026-04-29T10:00"))
			.stream()
			.filter((s) -> s.positionId() == 10)
			.map(Shift::personId)
			.toList();
		assertThat(developersFrom).containsExactly(3L, 1L, 2L, 6L, 3L, 1L, 2L, 6L);
	}

	@Test
	void aCoverSplitsTheShiftItOverridesAndASwapGivesTheWholeStintToAnother() {
		Instant coverStart = local(LONDON, "2026-01-09T12:00");
		Instant coverEnd = local(LONDON, "2026-01-10T12:00");
		Rota base = weeklyPair();
		Rota rota = new Rota(1, "Rota", RotaDuty.FIRST_LINE, RotaTemplate.WEEKLY_PAIR, LONDON, FIRST_WEDNESDAY_2026,
				LocalTime.of(10, 0), null, null, false, false, 0, base.positions(), List.of(new Assignment(20, 1, 9L)),
				List.of(new Cover(1, 10, 7L, null, coverStart, coverEnd, "Dentist")));

		List<Shift> developers = rota.shifts(local(LONDON, "2026-01-07T10:00"), local(LONDON, "2026-01-14T10:00"))
			.stream()
			.filter((s) -> s.positionId() == 10)
			.toList();
		assertThat(developers).extracting(Shift::personId).containsExactly(1L, 7L, 1L);
		assertThat(developers.get(1).start()).isEqualTo(coverStart);
		assertThat(developers.get(1).end()).isEqualTo(coverEnd);
		assertThat(developers.get(1).isChanged()).isTrue();
		assertThat(developers.get(2).end()).isEqualTo(local(LONDON, "2026-01-14T10:00"));

		Shift swapped = rota.shiftsAt(local(LONDON, "2026-01-15T12:00"))
			.stream()
			.filter((s) -> s.positionId() == 20)
			.findFirst()
			.orElseThrow();
		assertThat(swapped.personId()).isEqualTo(9L);
		assertThat(swapped.scheduledPersonId()).isEqualTo(5L);
	}

	@Test
	void aHandoverAtHalfPastOneOnSundaysFallsInTheSpringGapAndIsFound() {
		LocalDate sunday = LocalDate.of(2026, 1, 4);
		Rota rota = rota(RotaTemplate.CUSTOM, LONDON, sunday, LocalTime.of(1, 30),
				List.of(position(1, "On support", 1, 1, sunday, 1L)));
		assertThat(rota.handoverInGap()).contains(LocalDate.of(2026, 3, 29));
		assertThat(weeklyPair().handoverInGap()).isEmpty();
	}

	@Test
	void dutiesCoverOpenOrClosedHours() {
		assertThat(RotaDuty.FIRST_LINE.covers(true)).isTrue();
		assertThat(RotaDuty.FIRST_LINE.covers(false)).isFalse();
		assertThat(RotaDuty.ON_CALL.covers(false)).isTrue();
		assertThat(RotaDuty.ON_CALL.covers(true)).isFalse();
	}

}
