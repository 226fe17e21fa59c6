package com.helpdesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	/**
	 * A team's support day: in hours 10:00–18:00, with the 2026 Christmas bank holidays.
	 */
	static final BusinessCalendar LONDON_HOURS = weekdays(LONDON, "10:00", "18:00", LocalDate.of(2026, 12, 25),
			LocalDate.of(2026, 12, 28));

	static final BusinessCalendar SYDNEY_HOURS = weekdays(SYDNEY, "09:00", "17:00");

	static final BusinessCalendar LUNCH = new BusinessCalendar(LONDON,
			List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
					new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0))),
			List.of());

	static Stream<Arguments> dueTimes() {
		return Stream.of(
				// name, calendar, start (local), business time, expected due (local)
				Arguments.of("within the day", LONDON_HOURS, "2026-11-23T10:00", "PT4H", "2026-11-23T14:00"),
				Arguments.of("over the evening", LONDON_HOURS, "2026-11-23T17:00", "PT4H", "2026-11-24T13:00"),
				Arguments.of("over the weekend", LONDON_HOURS, "2026-11-27T16:00", "PT4H", "2026-11-30T12:00"),
				Arguments.of("arriving on Saturday", LONDON_HOURS, "2026-11-28T09:00", "PT1H", "2026-11-30T11:00"),
				Arguments.of("arriving before opening", LONDON_HOURS, "2026-11-24T07:30", "PT30M", "2026-11-24T10:30"),
				Arguments.of("arriving after closing", LONDON_HOURS, "2026-11-24T22:00", "PT8H", "2026-11-25T18:00"),
				Arguments.of("over Christmas and Boxing Day", LONDON_HOURS, "2026-12-24T17:00", "PT2H",
						"2026-12-29T11:00"),
				Arguments.of("two days", LONDON_HOURS, "2026-11-25T12:00", "PT16H", "2026-11-27T12:00"),
				Arguments.of("into the spring DST change", LONDON_HOURS, "2026-03-27T17:00", "PT2H",
						"2026-03-30T11:00"),
				Arguments.of("into the autumn DST change", LONDON_HOURS, "2026-10-23T17:00", "PT2H",
						"2026-10-26T11:00"),
				Arguments.of("Sydney into its spring DST change", SYDNEY_HOURS, "2026-10-02T16:00", "PT2H",
						"2026-10-05T10:00"),
				Arguments.of("Sydney into its autumn DST change", SYDNEY_HOURS, "2026-04-03T16:00", "PT3H",
						"2026-04-06T11:00"),
				Arguments.of("over lunch", LUNCH, "2026-11-23T11:00", "PT2H", "2026-11-23T14:00"),
				Arguments.of("during lunch", LUNCH, "2026-11-23T12:30", "PT1H", "2026-11-23T14:00"),
				Arguments.of("a week later for a one-day calendar", LUNCH, "2026-11-23T16:00", "PT2H",
						"2026-11-30T10:00"),
				Arguments.of("nothing to add", LONDON_HOURS, "2026-11-28T09:00", "PT0S", "2026-11-28T09:00"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dueTimes")
	void dueTimesCountOnlyOpenHoursInLocalTime(String name, BusinessCalendar calendar, String start, String amount,
			String expected) {
		Instant from = at(calendar, start);
		Instant due = calendar.plus(from, Duration.parse(amount));
		assertThat(due).isEqualTo(at(calendar, expected));
		if (!Duration.parse(amount).isZero()) {
			assertThat(calendar.between(from, due)).isEqualTo(Duration.parse(amount));
		}
	}

	@Test
	void theWednesdayOpeningIsAtTenLocalOnBothSidesOfEachDstChange() {
		for (String day : List.of("2026-03-25", "2026-04-01", "2026-10-21", "2026-10-28")) {
			Instant opening = LONDON_HOURS.nextOpening(at(LONDON_HOURS, day + "T00:00"));
			assertThat(opening.atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
		}
		assertThat(at(LONDON_HOURS, "2026-03-25T10:00")).isEqualTo(Instant.parse("2026-03-25T10:00:00Z"));
		assertThat(at(LONDON_HOURS, "2026-04-01T10:00")).isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
	}

	static Stream<Arguments> endsOfDay() {
		return Stream.of(Arguments.of("during the day", "2026-11-23T12:00", "2026-11-23T18:00"),
				Arguments.of("before opening", "2026-11-23T08:00", "2026-11-23T18:00"),
				Arguments.of("after closing", "2026-11-23T19:00", "2026-11-24T18:00"),
				Arguments.of("at closing", "2026-11-23T18:00", "2026-11-24T18:00"),
				Arguments.of("on Saturday", "2026-11-28T12:00", "2026-11-30T18:00"),
				Arguments.of("on Christmas Eve evening", "2026-12-24T19:00", "2026-12-29T18:00"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endsOfDay")
	void theEndOfTheBusinessDayIsTheCloseOfTheDayItStartsInOrOfTheNextOne(String name, String start, String expected) {
		assertThat(LONDON_HOURS.endOfBusinessDay(at(LONDON_HOURS, start))).isEqualTo(at(LONDON_HOURS, expected));
	}

	@Test
	void openTimeBetweenCountsAcrossHolidaysAndDst() {
		assertThat(LONDON_HOURS.between(at(LONDON_HOURS, "2026-03-27T17:00"), at(LONDON_HOURS, "2026-03-30T11:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(LONDON_HOURS.between(at(LONDON_HOURS, "2026-12-21T10:00"), at(LONDON_HOURS, "2027-01-04T10:00")))
			.as("two weeks with two bank holidays")
			.isEqualTo(Duration.ofHours(8 * 8));
		assertThat(LONDON_HOURS.between(at(LONDON_HOURS, "2026-11-24T12:00"), at(LONDON_HOURS, "2026-11-24T11:00")))
			.isZero();
	}

	@Test
	void isOpenFollowsTheHours() {
		assertThat(LONDON_HOURS.isOpen(at(LONDON_HOURS, "2026-11-24T10:00"))).isTrue();
		assertThat(LONDON_HOURS.isOpen(at(LONDON_HOURS, "2026-11-24T17:59"))).isTrue();
		assertThat(LONDON_HOURS.isOpen(at(LONDON_HOURS, "2026-11-24T18:00"))).isFalse();
		assertThat(LONDON_HOURS.isOpen(at(LONDON_HOURS, "2026-11-28T12:00"))).isFalse();
		assertThat(LONDON_HOURS.isOpen(at(LONDON_HOURS, "2026-12-25T12:00"))).isFalse();
	}

	@Test
	void anAlwaysOpenCalendarIsPlainTime() {
		BusinessCalendar always = BusinessCalendar.always(LONDON);
		Instant start = at(always, "2026-03-28T23:30");
		assertThat(always.plus(start, Duration.ofHours(3))).isEqualTo(start.plus(Duration.ofHours(3)));
		assertThat(always.between(start, start.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofDays(2));
		assertThat(always.isOpen(start)).isTrue();
	}

	@Test
	void overlappingOrEmptyIntervalsAreRefused() {
		assertThatThrownBy(() -> new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(10, 0), LocalTime.of(9, 0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BusinessCalendar(LONDON,
				List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
						new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))),
				List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(
				() -> new BusinessCalendar(LONDON, List.of(), List.of()).plus(Instant.now(), Duration.ofMinutes(1)))
			.isInstanceOf(IllegalStateException.class);
	}

	// Property-style checks over many random starts, amounts and calendars

	@Test
	void propertiesHoldForRandomStartsAndAmounts() {
		Random random = new Random(20261124);
		List<BusinessCalendar> calendars = List.of(LONDON_HOURS, SYDNEY_HOURS, LUNCH);
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 3000; i++) {
			BusinessCalendar calendar = calendars.get(random.nextInt(calendars.size()));
			Instant start = base.plus(Duration.ofMinutes(random.nextInt(2 * 366 * 24 * 60)));
			Duration a = Duration.ofMinutes(1 + random.nextInt(3 * 8 * 60));
			Duration b = Duration.ofMinutes(1 + random.nextInt(3 * 8 * 60));
			Instant due = calendar.plus(start, a);

			assertThat(due).as("due never before start").isAfterOrEqualTo(start);
			assertThat(calendar.between(start, due)).as("the open time to the due time is the target").isEqualTo(a);
			assertThat(calendar.plus(due, b)).as("adding in two steps").isEqualTo(calendar.plus(start, a.plus(b)));
			assertThat(calendar.plus(start, a.plus(b))).as("more time is never due sooner").isAfterOrEqualTo(due);

			Instant pauseStart = start.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
			Instant pauseEnd = pauseStart.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
			Duration used = calendar.between(start, pauseStart);
			if (used.compareTo(a) < 0) {
				Instant resumedDue = calendar.plus(pauseEnd, a.minus(used));
				assertThat(resumedDue).as("pausing never brings a due time forward").isAfterOrEqualTo(due);
			}

			Instant middle = start.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
			Instant end = middle.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)));
			assertThat(calendar.between(start, end)).as("open time adds up")
				.isEqualTo(calendar.between(start, middle).plus(calendar.between(middle, end)));
		}
	}

	@Test
	void openTimeEqualsWhatTheScheduleSaysMinuteByMinute() {
		Random random = new Random(42);
		for (BusinessCalendar calendar : List.of(LONDON_HOURS, SYDNEY_HOURS, LUNCH)) {
			for (int i = 0; i < 40; i++) {
				Instant from = Instant.parse("2026-03-20T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(250_000)));
				Instant to = from.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60)));
				long minutes = 0;
				for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
					if (calendar.isOpen(t)) {
						minutes++;
					}
				}
				assertThat(calendar.between(from, to).toMinutes()).isEqualTo(minutes);
			}
		}
	}

	static BusinessCalendar weekdays(ZoneId zone, String open, String close, LocalDate... holidays) {
		List<OpeningHours> hours = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.add(new OpeningHours(day, LocalTime.parse(open), LocalTime.parse(close)));
		}
		return new BusinessCalendar(zone, hours, List.of(holidays));
	}

	static Instant at(BusinessCalendar calendar, String local) {
		return LocalDateTime.parse(local).atZone(calendar.zone()).toInstant();
	}

}
