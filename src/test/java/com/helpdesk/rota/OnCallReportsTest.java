package com.helpdesk.rota;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.Holiday;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.MovableClock;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The on-call hours report from the database: March 2027 (Good Friday and the clocks
 * going forward) as worked out by hand in {@link OnCallHoursTest}, then signed off, after
 * which a holiday added to the calendar no longer changes it.
 */
@IntegrationTest
class OnCallReportsTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final YearMonth MARCH_2027 = YearMonth.of(2027, 3);

	@Autowired
	OnCallReports reports;

	@Autowired
	Rotas rotas;

	@Autowired
	Calendars calendars;

	@Autowired
	TestData data;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aMonthsHoursAreSplitAsWorkedOutByHandAndFrozenOnceSignedOff() {
		Person ann = this.data.agent();
		Person bob = this.data.agent();
		long calendar = this.calendars.create(new CalendarCommand(TestData.unique("On-call hours"), "Europe/London",
				List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
					.stream()
					.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
					.toList(),
				Calendars.englandAndWalesBankHolidays()), null);
		this.clock.set(LocalDateTime.parse("2027-02-01T12:00").atZone(LONDON).toInstant());
		this.rotas.create(new RotaCommand(TestData.unique("On call"), RotaTemplate.OUT_OF_HOURS, RotaDuty.ON_CALL,
				"Europe/London", LocalDate.of(2027, 2, 24), LocalTime.of(10, 0), calendar, null, true, false,
				List.of(new PositionCommand("On call", 1, 1, 0, List.of(ann.id(), bob.id())))), null);

		HoursReport live = this.reports.report(MARCH_2027);
		assertThat(live.signedOff()).isFalse();
		HoursReport.Line annLine = line(live, ann);
		assertThat(annLine.weekday()).isEqualTo(Duration.ofHours(170));
		assertThat(annLine.weekend()).isEqualTo(Duration.ofHours(95));
		assertThat(annLine.bankHoliday()).isEqualTo(Duration.ofHours(48));
		assertThat(line(live, bob).total()).isEqualTo(Duration.ofHours(262));

		Person manager = this.data.person(Role.MANAGER, null);
		assertThatThrownBy(() -> this.reports.signOff(MARCH_2027, manager)).as("March is not over yet")
			.isInstanceOf(InvalidInputException.class);
		this.clock.set(Instant.parse("2027-04-02T12:00:00Z"));
		assertThatThrownBy(() -> this.reports.signOff(MARCH_2027, ann)).isInstanceOf(AccessDeniedException.class);
		HoursReport signed = this.reports.signOff(MARCH_2027, manager);
		assertThat(signed.signedOff()).isTrue();
		assertThat(signed.signedBy()).isEqualTo(manager.name());

		// a holiday added afterwards changes what the rota says, not what was signed
		this.calendars.addHolidays(calendar, List.of(new Holiday(LocalDate.of(2027, 3, 1), "Company day")), null);
		HoursReport frozen = this.reports.report(MARCH_2027);
		assertThat(frozen.signedOff()).isTrue();
		assertThat(line(frozen, ann).weekday()).isEqualTo(Duration.ofHours(170));
		assertThat(line(frozen, ann).bankHoliday()).isEqualTo(Duration.ofHours(48));
		assertThat(frozen.signedAt()).isBetween(Instant.parse("2027-04-02T12:00:00Z"),
				Instant.parse("2027-04-02T12:01:00Z"));
		assertThatThrownBy(() -> this.reports.signOff(MARCH_2027, manager)).isInstanceOf(ConflictException.class);
	}

	private static HoursReport.Line line(HoursReport report, Person person) {
		return report.lines().stream().filter((l) -> l.personId() == person.id()).findFirst().orElseThrow();
	}

}
