package com.helpdesk.support;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import com.helpdesk.calendar.CalendarCommand;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.ClientCommand;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.PlanSummary;

/**
 * What rota tests keep needing: a team calendar open 10:00–18:00 on weekdays in London,
 * and a requester whose client has 24/7 cover for critical issues.
 */
public class RotaFixture {

	private final Calendars calendars;

	private final Directory directory;

	private final DirectoryAdmin admin;

	private final TestData data;

	public RotaFixture(Calendars calendars, Directory directory, DirectoryAdmin admin, TestData data) {
		this.calendars = calendars;
		this.directory = directory;
		this.admin = admin;
		this.data = data;
	}

	/**
	 * A new calendar open 10:00–18:00 Monday to Friday in Europe/London, with no
	 * holidays.
	 */
	public long teamHours() {
		return this.calendars.create(new CalendarCommand(TestData.unique("Team hours"), "Europe/London",
				List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
					.stream()
					.map((d) -> new OpeningHours(d, LocalTime.of(10, 0), LocalTime.of(18, 0)))
					.toList(),
				List.of()), null);
	}

	/**
	 * A requester of a new client on a plan with 24/7 cover for critical issues.
	 */
	public Person allHoursRequester() {
		long plan = this.directory.plans()
			.stream()
			.filter(PlanSummary::outOfHoursCritical)
			.findFirst()
			.orElseThrow()
			.id();
		return this.data.requester(
				this.admin.createClient(new ClientCommand(TestData.unique("24/7 client"), plan, null, true), null));
	}

}
