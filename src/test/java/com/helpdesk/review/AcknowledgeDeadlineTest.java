package com.helpdesk.review;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.OpeningHours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's "respond before the end of day (5:00 PM local time)", without Spring: a
 * ticket is due at 17:00 on the day it arrived, or at 17:00 on the next open day when it
 * arrived later or on a closed day; 17:00 is wall-clock time in the calendar's zone.
 */
class AcknowledgeDeadlineTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final AcknowledgeDeadline BY_FIVE = new AcknowledgeDeadline(LocalTime.of(17, 0));

	/** Open 10:00–18:00 on weekdays, with the early May bank holiday 2027. */
	static final BusinessCalendar TEAM = calendar(LONDON, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
			Set.of(LocalDate.of(2027, 5, 3)));

	static BusinessCalendar calendar(ZoneId zone, Set<DayOfWeek> days, Set<LocalDate> holidays) {
		List<OpeningHours> hours = days.stream()
			.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
			.toList();
		return new BusinessCalendar(zone, hours, holidays);
	}

	static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	static Instant london(String localDateTime) {
		return at(localDateTime, LONDON);
	}

	@Test
	void aTicketArrivingBeforeFiveIsDueAtFiveTheSameDay() {
		assertThat(BY_FIVE.dueAt(london("2027-01-12T09:15"), TEAM)).isEqualTo(london("2027-01-12T17:00"));
		// before the team opens counts as that day too
		assertThat(BY_FIVE.dueAt(london("2027-01-12T06:30"), TEAM)).isEqualTo(london("2027-01-12T17:00"));
		assertThat(BY_FIVE.dueAt(london("2027-01-12T16:59:59"), TEAM)).isEqualTo(london("2027-01-12T17:00"));
	}

	@Test
	void aTicketArrivingAtOrAfterFiveIsDueAtFiveTheNextOpenDay() {
		assertThat(BY_FIVE.dueAt(london("2027-01-12T17:00"), TEAM)).isEqualTo(london("2027-01-13T17:00"));
		assertThat(BY_FIVE.dueAt(london("2027-01-12T17:30"), TEAM)).isEqualTo(london("2027-01-13T17:00"));
		assertThat(BY_FIVE.dueAt(london("2027-01-12T23:59"), TEAM)).isEqualTo(london("2027-01-13T17:00"));
	}

	@Test
	void fridayEveningIsDueOnMondayAndTheWeekendToo() {
		assertThat(BY_FIVE.dueAt(london("2027-01-15T18:45"), TEAM)).isEqualTo(london("2027-01-18T17:00"));
		assertThat(BY_FIVE.dueAt(london("2027-01-16T11:00"), TEAM)).isEqualTo(london("2027-01-18T17:00"));
		assertThat(BY_FIVE.dueAt(london("2027-01-17T09:00"), TEAM)).isEqualTo(london("2027-01-18T17:00"));
	}

	@Test
	void aBankHolidayIsSkipped() {
		// Friday evening before the early May bank holiday: due Tuesday
		assertThat(BY_FIVE.dueAt(london("2027-04-30T17:05"), TEAM)).isEqualTo(london("2027-05-04T17:00"));
		// arriving on the bank holiday itself, in what would be working hours
		assertThat(BY_FIVE.dueAt(london("2027-05-03T11:00"), TEAM)).isEqualTo(london("2027-05-04T17:00"));
	}

	@Test
	void fiveIsLocalTimeOnTheDaysTheClocksChange() {
		BusinessCalendar everyDay = calendar(LONDON, EnumSet.allOf(DayOfWeek.class), Set.of());
		// 28 March 2027: clocks go forward at 01:00 GMT; 17:00 BST is 16:00 UTC
		Instant spring = BY_FIVE.dueAt(london("2027-03-28T09:00"), everyDay);
		assertThat(spring).isEqualTo(Instant.parse("2027-03-28T16:00:00Z"));
		assertThat(Duration.between(london("2027-03-28T00:30"), spring)).isEqualTo(Duration.ofMinutes(15 * 60 + 30));
		// 31 October 2027: clocks go back at 02:00 BST; 17:00 GMT is 17:00 UTC
		assertThat(BY_FIVE.dueAt(london("2027-10-31T09:00"), everyDay))
			.isEqualTo(Instant.parse("2027-10-31T17:00:00Z"));
		// Friday before the change, after five: due Monday at 17:00 GMT
		assertThat(BY_FIVE.dueAt(london("2027-10-29T18:00"), TEAM)).isEqualTo(Instant.parse("2027-11-01T17:00:00Z"));
	}

	@Test
	void theTimeIsTheCalendarsNotLondons() {
		ZoneId sydney = ZoneId.of("Australia/Sydney");
		BusinessCalendar team = calendar(sydney, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
		// 16:00 in Sydney on a Tuesday is 05:00 UTC: due the same Sydney day
		assertThat(BY_FIVE.dueAt(at("2027-01-12T16:00", sydney), team)).isEqualTo(at("2027-01-12T17:00", sydney));
		assertThat(BY_FIVE.dueAt(at("2027-01-15T17:01", sydney), team)).isEqualTo(at("2027-01-18T17:00", sydney));
	}

	@Test
	void aCalendarWithNoHoursCountsEveryDayAsOpen() {
		BusinessCalendar none = new BusinessCalendar(LONDON, List.of(), List.of());
		assertThat(BY_FIVE.dueAt(london("2027-01-16T18:00"), none)).isEqualTo(london("2027-01-17T17:00"));
	}

	@Test
	void aFirstReplyDueBeforeTheEndOfTheDayIsTheDeadline() {
		// a 30-minute critical at 10:00 must be answered by 10:30, not by 17:00
		AcknowledgeDeadline.Due due = BY_FIVE.due(london("2027-01-12T10:00"), TEAM, london("2027-01-12T10:30"));
		assertThat(due.at()).isEqualTo(london("2027-01-12T10:30"));
		assertThat(due.reason()).isEqualTo(AcknowledgeDeadline.Reason.FIRST_REPLY);
		// arriving on Saturday night, its 24/7 first reply is due long before Monday
		// 17:00
		AcknowledgeDeadline.Due weekend = BY_FIVE.due(london("2027-01-16T22:00"), TEAM, london("2027-01-16T22:30"));
		assertThat(weekend)
			.isEqualTo(new AcknowledgeDeadline.Due(london("2027-01-16T22:30"), AcknowledgeDeadline.Reason.FIRST_REPLY));
	}

	@Test
	void aFirstReplyDueLaterOrNoneLeavesTheEndOfTheDay() {
		AcknowledgeDeadline.Due later = BY_FIVE.due(london("2027-01-12T10:00"), TEAM, london("2027-01-12T18:00"));
		assertThat(later)
			.isEqualTo(new AcknowledgeDeadline.Due(london("2027-01-12T17:00"), AcknowledgeDeadline.Reason.END_OF_DAY));
		AcknowledgeDeadline.Due none = BY_FIVE.due(london("2027-01-12T10:00"), TEAM, null);
		assertThat(none)
			.isEqualTo(new AcknowledgeDeadline.Due(london("2027-01-12T17:00"), AcknowledgeDeadline.Reason.END_OF_DAY));
		// due at the same moment: the end of the day is what the team already works to
		assertThat(BY_FIVE.due(london("2027-01-12T10:00"), TEAM, london("2027-01-12T17:00")).reason())
			.isEqualTo(AcknowledgeDeadline.Reason.END_OF_DAY);
	}

}
