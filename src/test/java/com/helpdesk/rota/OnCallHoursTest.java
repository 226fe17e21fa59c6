package com.helpdesk.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.calendar.OpeningHours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-call hours of March 2027 worked out by hand: Good Friday (26 March) and Easter
 * Monday (29 March) are bank holidays and the clocks go forward on Sunday 28 March. Ann
 * and Bob alternate weekly on call from Wednesday 24 February, handing over at 10:00; the
 * team is open 10:00–18:00 on weekdays, so on call works 16 hours a working weekday, 24
 * at weekends and on bank holidays, and 23 on the Sunday the clocks change.
 */
class OnCallHoursTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final BusinessCalendar SUPPORT_HOURS = new BusinessCalendar(LONDON,
			List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
				.stream()
				.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
				.toList(),
			Calendars.englandAndWalesBankHolidays().stream().map(Holiday::date).toList());

	static Instant london(String dateTime) {
		return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
	}

	@Test
	void march2027WithEasterAndTheClocksGoingForwardMatchesTheFiguresWorkedOutByHand() {
		assertThat(SUPPORT_HOURS.isHoliday(LocalDate.of(2027, 3, 26))).as("Good Friday 2027 ships").isTrue();
		assertThat(SUPPORT_HOURS.isHoliday(LocalDate.of(2027, 3, 29))).as("Easter Monday 2027 ships").isTrue();
		Rota rota = new Rota(1, "On call", RotaDuty.ON_CALL, RotaTemplate.OUT_OF_HOURS, LONDON,
				LocalDate.of(2027, 2, 24), LocalTime.of(10, 0), null, null, true, false, 0, List.of(new RotaPosition(1,
						"On call", 1, 1, 0, List.of(new Roster(LocalDate.of(2027, 2, 24), List.of(1L, 2L))))),
				List.of(), List.of());
		Instant from = london("2027-03-01T00:00");
		Instant to = london("2027-04-01T00:00");

		Map<Long, OnCallHours> hours = OnCallHours.of(rota.shifts(from, to), SUPPORT_HOURS, from, to);

		// Ann: 1 Mar–3 Mar 10:00 (16+16+10), 10–17 Mar (6+16+16+16+16+10; weekend 24+24),
		// 24–31 Mar (6+16+16+10; weekend 24+23; Good Friday and Easter Monday 24+24)
		OnCallHours ann = hours.get(1L);
		assertThat(ann.weekday()).isEqualTo(Duration.ofHours(170));
		assertThat(ann.weekend()).isEqualTo(Duration.ofHours(95));
		assertThat(ann.bankHoliday()).isEqualTo(Duration.ofHours(48));
		assertThat(ann.total()).isEqualTo(Duration.ofHours(313));
		// Bob: 3–10 Mar and 17–24 Mar (80 weekday + 48 weekend each), 31 Mar 10:00–24:00
		// (6)
		OnCallHours bob = hours.get(2L);
		assertThat(bob.weekday()).isEqualTo(Duration.ofHours(166));
		assertThat(bob.weekend()).isEqualTo(Duration.ofHours(96));
		assertThat(bob.bankHoliday()).isEqualTo(Duration.ZERO);
		// every closed hour of the month is someone's: 743 hours less 21 working days of
		// 8
		assertThat(ann.total().plus(bob.total())).isEqualTo(Duration.ofHours(743 - 21 * 8));
	}

	@Test
	void aCoverMovesTheCoveredHoursToWhoeverCovers() {
		Rota rota = new Rota(1, "On call", RotaDuty.ON_CALL, RotaTemplate.OUT_OF_HOURS, LONDON,
				LocalDate.of(2027, 2, 24), LocalTime.of(10, 0), null, null, true, false, 0,
				List.of(new RotaPosition(1, "On call", 1, 1, 0,
						List.of(new Roster(LocalDate.of(2027, 2, 24), List.of(1L, 2L))))),
				List.of(), List.of(new Cover(1, 1, 3L, null, london("2027-03-06T00:00"), london("2027-03-07T00:00"),
						"Bob's birthday")));
		Instant from = london("2027-03-01T00:00");
		Instant to = london("2027-04-01T00:00");
		Map<Long, OnCallHours> hours = OnCallHours.of(rota.shifts(from, to), SUPPORT_HOURS, from, to);
		assertThat(hours.get(3L).weekend()).isEqualTo(Duration.ofHours(24));
		assertThat(hours.get(2L).weekend()).isEqualTo(Duration.ofHours(72));
	}

}
