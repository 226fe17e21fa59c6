package com.helpdesk.calendar;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.support.IntegrationTest;
import com.helpdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CalendarsTest {

	@Autowired
	Calendars calendars;

	static final List<OpeningHours> TEN_TO_SIX = List
		.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
		.stream()
		.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
		.toList();

	@Test
	void aCalendarIsKeptWithItsHoursAndHolidaysAndWorksOutBusinessTime() {
		long id = this.calendars.create(new CalendarCommand(TestData.unique("Office"), "Europe/London", TEN_TO_SIX,
				List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"))), null);
		CalendarView view = this.calendars.get(id);
		assertThat(view.hours()).hasSize(5);
		assertThat(view.holidays()).extracting(Holiday::name).containsExactly("Christmas Day");

		BusinessCalendar calendar = this.calendars.businessCalendar(id);
		assertThat(calendar.plus(Instant.parse("2026-12-24T17:00:00Z"), Duration.ofHours(2)))
			.isEqualTo(Instant.parse("2026-12-28T11:00:00Z"));
	}

	@Test
	void theShippedBankHolidaysAreAddedOnceAndDuplicatesSkipped() {
		long id = this.calendars.create(new CalendarCommand(TestData.unique("Bank"), "Europe/London", TEN_TO_SIX,
				List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas"))), null);
		List<Holiday> bank = Calendars.englandAndWalesBankHolidays();
		assertThat(bank).hasSize(24);
		assertThat(bank).extracting(Holiday::date).allMatch((d) -> d.getDayOfWeek().getValue() <= 5);
		assertThat(this.calendars.addHolidays(id, bank, null)).isEqualTo(23);
		assertThat(this.calendars.addHolidays(id, bank, null)).isZero();
		assertThat(this.calendars.get(id).holidays()).hasSize(24);
		this.calendars.removeHoliday(id, LocalDate.of(2026, 12, 25), null);
		assertThat(this.calendars.get(id).holidays()).hasSize(23);
	}

	@Test
	void holidaysAreReadFromAnICalendarFile() {
		String ics = """
				BEGIN:VCALENDAR
				VERSION:2.0
				PRODID:-//test//EN
				BEGIN:VEVENT
				UID:1
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20261225
				DTEND;VALUE=DATE:20261226
				SUMMARY:Christmas Day
				END:VEVENT
				BEGIN:VEVENT
				UID:2
				DTSTAMP:20260101T000000Z
				DTSTART;VALUE=DATE:20270412
				DTEND;VALUE=DATE:20270414
				SUMMARY:Team away days
				END:VEVENT
				END:VCALENDAR
				""".replace("\n", "\r\n");
		assertThat(Calendars.readICalendar(new StringReader(ics))).containsExactly(
				new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"),
				new Holiday(LocalDate.of(2027, 4, 12), "Team away days"),
				new Holiday(LocalDate.of(2027, 4, 13), "Team away days"));
		assertThatThrownBy(() -> Calendars.readICalendar(new StringReader("not a calendar")))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void badCalendarsAreRefusedFieldByField() {
		assertThatThrownBy(() -> this.calendars.create(new CalendarCommand(" ", "Mars/Base", List.of(), null), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("name", "timeZone", "hours"));
		List<OpeningHours> overlapping = List.of(
				new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)));
		assertThatThrownBy(() -> this.calendars
			.create(new CalendarCommand(TestData.unique("Overlap"), "Europe/London", overlapping, null), null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::messageKey)
						.containsExactly("calendar.hours.overlap"));
	}

	@Test
	void aStaleChangeIsRefused() {
		String name = TestData.unique("Stale");
		long id = this.calendars.create(new CalendarCommand(name, "Europe/London", TEN_TO_SIX, null), null);
		long version = this.calendars.get(id).version();
		this.calendars.update(id, version, new CalendarCommand(name, "Europe/Paris", TEN_TO_SIX, null), null);
		assertThatThrownBy(() -> this.calendars.update(id, version,
				new CalendarCommand(name, "Asia/Tokyo", TEN_TO_SIX, null), null))
			.isInstanceOf(ConflictException.class);
		assertThat(this.calendars.get(id).timeZone()).isEqualTo("Europe/Paris");
	}

	@Test
	void openingHoursAreReadAsPeopleTypeThem() {
		assertThat(OpeningHoursText.parse(DayOfWeek.MONDAY, "09:00-12:00, 13.00 to 17:30")).containsExactly(
				new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 30)));
		assertThat(OpeningHoursText.parse(DayOfWeek.SUNDAY, "0:00-24:00"))
			.containsExactly(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.MIN, LocalTime.MAX));
		assertThat(OpeningHoursText.format(List.of(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.MIN, LocalTime.MAX))))
			.containsExactly("00:00-24:00");
		assertThat(OpeningHoursText.parse(DayOfWeek.MONDAY, " ")).isEmpty();
		for (String bad : List.of("10-18", "18:00-10:00", "25:00-26:00", "10:00 18:00")) {
			assertThatThrownBy(() -> OpeningHoursText.parse(DayOfWeek.MONDAY, bad))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

}
