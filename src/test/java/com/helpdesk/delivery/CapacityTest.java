package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.OpeningHours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capacity arithmetic, worked by hand: a team open 10:00–18:00 on weekdays in London,
 * weeks running Wednesday to Tuesday.
 */
class CapacityTest {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	// Wednesday 2 December 2026 to Tuesday 8 December: five open days
	private static final PlanningPeriod WEEK = new PlanningPeriod(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 9));

	private final BusinessCalendar calendar = new BusinessCalendar(LONDON, weekdays(), List.of());

	@Test
	void everyoneFreeGivesFiveDaysEachLessTheReserve() {
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(1L, 2L, 3L, 4L), Map.of(), 20);
		assertThat(capacity.workingDays()).isEqualByComparingTo("20");
		assertThat(capacity.availableDays()).isEqualByComparingTo("20");
		assertThat(capacity.reserveDays()).isEqualByComparingTo("4");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("16");
	}

	@Test
	void aWeekOnFirstLineSupportTakesThePersonOffForTheWholeWeek() {
		// the rota hands over at 10:00 on Wednesdays, when the calendar opens
		Away support = duty(at(2026, 12, 2, 10, 0), at(2026, 12, 9, 10, 0), "First-line support");
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(1L, 2L), Map.of(1L, List.of(support)), 20);
		assertThat(person(capacity, 1).dutyDays()).isEqualByComparingTo("5");
		assertThat(person(capacity, 1).availableDays()).isEqualByComparingTo("0");
		assertThat(person(capacity, 1).duties()).containsExactly("First-line support");
		assertThat(capacity.availableDays()).isEqualByComparingTo("5");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("4");
	}

	@Test
	void theOutgoingShiftEndingAtOpeningTakesNothing() {
		// last week's shift ends as this week opens: Wednesday is not lost
		Away lastWeek = duty(at(2026, 11, 25, 10, 0), at(2026, 12, 2, 10, 0), "First-line support");
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(1L), Map.of(1L, List.of(lastWeek)), 0);
		assertThat(capacity.availableDays()).isEqualByComparingTo("5");
		assertThat(person(capacity, 1).duties()).isEmpty();
	}

	@Test
	void onCallOutOfHoursOnlyTakesTheOpenHoursItOverlaps() {
		// an out-of-hours cover from 14:00 on Thursday to 10:00 on Friday overlaps 4 of
		// Thursday's 8 open hours
		Away onCall = duty(at(2026, 12, 3, 14, 0), at(2026, 12, 4, 10, 0), "Out-of-hours on call");
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(1L), Map.of(1L, List.of(onCall)), 0);
		assertThat(capacity.dutyDays()).isEqualByComparingTo("0.5");
		assertThat(capacity.availableDays()).isEqualByComparingTo("4.5");
	}

	@Test
	void leaveOverlappingADutyIsNotCountedTwice() {
		// on support the whole week and on leave Thursday and Friday
		Away support = duty(at(2026, 12, 2, 10, 0), at(2026, 12, 9, 10, 0), "First-line support");
		Away leave = new Away(LocalDate.of(2026, 12, 3).atStartOfDay(LONDON).toInstant(),
				LocalDate.of(2026, 12, 5).atStartOfDay(LONDON).toInstant(), Away.Reason.LEAVE, "Holiday");
		Away moreLeave = new Away(LocalDate.of(2026, 12, 14).atStartOfDay(LONDON).toInstant(),
				LocalDate.of(2026, 12, 15).atStartOfDay(LONDON).toInstant(), Away.Reason.LEAVE, "Later");
		PeriodCapacity capacity = Capacity
			.of(WEEK, this.calendar, List.of(1L, 2L), Map.of(1L, List.of(support, leave, moreLeave), 2L,
					List.of(new Away(LocalDate.of(2026, 12, 7).atStartOfDay(LONDON).toInstant(),
							LocalDate.of(2026, 12, 8).atStartOfDay(LONDON).toInstant(), Away.Reason.LEAVE, "Dentist"))),
					20);
		assertThat(person(capacity, 1).dutyDays()).isEqualByComparingTo("5");
		assertThat(person(capacity, 1).leaveDays()).isEqualByComparingTo("0");
		assertThat(person(capacity, 2).leaveDays()).isEqualByComparingTo("1");
		assertThat(person(capacity, 2).leave()).containsExactly("Dentist");
		assertThat(capacity.workingDays()).isEqualByComparingTo("10");
		assertThat(capacity.dutyDays()).isEqualByComparingTo("5");
		assertThat(capacity.leaveDays()).isEqualByComparingTo("1");
		assertThat(capacity.availableDays()).isEqualByComparingTo("4");
		assertThat(capacity.reserveDays()).isEqualByComparingTo("0.8");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("3.2");
	}

	@Test
	void bankHolidaysAreNotWorkingDays() {
		// Christmas week 2026: Friday 25 and Monday 28 December are bank holidays
		BusinessCalendar withHolidays = new BusinessCalendar(LONDON, weekdays(),
				List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));
		PlanningPeriod christmas = new PlanningPeriod(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 30));
		PeriodCapacity capacity = Capacity.of(christmas, withHolidays, List.of(1L, 2L), Map.of(), 25);
		assertThat(capacity.workingDays()).isEqualByComparingTo("6");
		assertThat(capacity.reserveDays()).isEqualByComparingTo("1.5");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("4.5");
	}

	@Test
	void theReserveIsTakenFromWhatIsLeftAndRoundedToATenth() {
		Away hour = duty(at(2026, 12, 2, 10, 0), at(2026, 12, 2, 11, 0), "Cover");
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(1L), Map.of(1L, List.of(hour)), 15);
		// 5 - 1/8 = 4.875 days, shown as 4.9; 15% of 4.9 is 0.735, so 0.7 reserved
		assertThat(capacity.availableDays()).isEqualByComparingTo("4.9");
		assertThat(capacity.reserveDays()).isEqualByComparingTo("0.7");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("4.2");
	}

	@Test
	void aTeamWithNobodyHasNoCapacity() {
		PeriodCapacity capacity = Capacity.of(WEEK, this.calendar, List.of(), Map.of(), 20);
		assertThat(capacity.plannableDays()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(capacity.people()).isEmpty();
	}

	@Test
	void aReserveOutOfRangeIsRefused() {
		assertThatThrownBy(() -> Capacity.of(WEEK, this.calendar, List.of(1L), Map.of(), 95))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void twoWeekSprintsStartOnTheChosenWeekday() {
		Cadence sprints = new Cadence(2, LocalDate.of(2026, 11, 4));
		assertThat(sprints.periodOf(LocalDate.of(2026, 11, 24)))
			.isEqualTo(new PlanningPeriod(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 2)));
		assertThat(sprints.periodOf(LocalDate.of(2026, 11, 3)))
			.isEqualTo(new PlanningPeriod(LocalDate.of(2026, 10, 21), LocalDate.of(2026, 11, 4)));
		assertThat(sprints.startsOn(LocalDate.of(2026, 12, 2))).isTrue();
		assertThat(sprints.startsOn(LocalDate.of(2026, 12, 9))).isFalse();
		assertThat(sprints.periods(LocalDate.of(2026, 11, 24), 3)).extracting(PlanningPeriod::start)
			.containsExactly(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 16));
	}

	@Test
	void aSprintCountsBothWeeksAndItsDutiesInEachWeek() {
		PlanningPeriod sprint = new Cadence(2, LocalDate.of(2026, 12, 2)).periodOf(LocalDate.of(2026, 12, 10));
		// one person on first-line support in the sprint's second week only
		Away support = duty(at(2026, 12, 9, 10, 0), at(2026, 12, 16, 10, 0), "First-line support");
		PeriodCapacity capacity = Capacity.of(sprint, this.calendar, List.of(1L, 2L, 3L), Map.of(1L, List.of(support)),
				20);
		assertThat(capacity.workingDays()).isEqualByComparingTo("30");
		assertThat(capacity.dutyDays()).isEqualByComparingTo("5");
		assertThat(capacity.availableDays()).isEqualByComparingTo("25");
		assertThat(capacity.plannableDays()).isEqualByComparingTo("20");
	}

	@Test
	void weeksFollowTheClocksChangeWithoutLosingAnHour() {
		// Wednesday 25 March to Tuesday 31 March 2026: clocks go forward on Sunday 29th
		PlanningPeriod week = new Cadence(1, LocalDate.of(2026, 3, 4)).periodOf(LocalDate.of(2026, 3, 29));
		Away support = duty(ZonedDateTime.of(2026, 3, 25, 10, 0, 0, 0, LONDON).toInstant(),
				ZonedDateTime.of(2026, 4, 1, 10, 0, 0, 0, LONDON).toInstant(), "First-line support");
		PeriodCapacity capacity = Capacity.of(week, this.calendar, List.of(1L), Map.of(1L, List.of(support)), 0);
		assertThat(capacity.dutyDays()).isEqualByComparingTo("5");
		assertThat(capacity.availableDays()).isEqualByComparingTo("0");
	}

	private static PeriodCapacity.PersonCapacity person(PeriodCapacity capacity, long id) {
		return capacity.people().stream().filter((p) -> p.personId() == id).findFirst().orElseThrow();
	}

	private static Away duty(Instant start, Instant end, String rota) {
		return new Away(start, end, Away.Reason.DUTY, rota);
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, LONDON).toInstant();
	}

	private static List<OpeningHours> weekdays() {
		return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
			.stream()
			.map((day) -> new OpeningHours(day, LocalTime.of(10, 0), LocalTime.of(18, 0)))
			.toList();
	}

}
