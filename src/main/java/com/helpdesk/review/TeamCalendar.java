package com.helpdesk.review;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.CalendarView;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.calendar.OpeningHours;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.GroupSummary;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.Rotas;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendar the reviews count in: what "today", "the end of the day" and "an
 * open day" mean for the team that acknowledges New tickets.
 */
@Component
public class TeamCalendar {

	/** Where the helpdesk has no calendar at all yet. */
	static final Team LONDON_WEEKDAYS = new Team(null, "Europe/London weekdays",
			new BusinessCalendar(ZoneId.of("Europe/London"),
					EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
						.stream()
						.map((day) -> new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(17, 0)))
						.toList(),
					List.of()));

	private final Rotas rotas;

	private final Calendars calendars;

	private final Directory directory;

	TeamCalendar(Rotas rotas, Calendars calendars, Directory directory) {
		this.rotas = rotas;
		this.calendars = calendars;
		this.directory = directory;
	}

	/**
	 * A calendar by name, ready for arithmetic.
	 *
	 * @param id {@code null} for the built-in fallback
	 */
	public record Team(Long id, String name, BusinessCalendar calendar) {

		public ZoneId zone() {
			return this.calendar.zone();
		}

	}

	@Transactional(readOnly = true)
	public Team get() {
		List<CalendarView> all = this.calendars.list();
		Long intake = this.directory.defaultIntakeGroup().map(GroupSummary::id).orElse(null);
		return choose(this.rotas.list(), intake, all)
			.flatMap((id) -> all.stream().filter((c) -> c.id() == id).findFirst())
			.map((c) -> new Team(c.id(), c.name(), this.calendars.businessCalendar(c.id())))
			.orElse(LONDON_WEEKDAYS);
	}

	/**
	 * New tickets land in the default intake group, so the first-line rota that works
	 * that group's tickets keeps the hours of the people who must acknowledge them;
	 * without one, the first calendar set up (the lowest id) stands for the team.
	 */
	static Optional<Long> choose(List<Rota> rotas, Long intakeGroupId, List<CalendarView> calendars) {
		Optional<Long> firstLine = rotas.stream()
			.filter((r) -> r.duty() == RotaDuty.FIRST_LINE && r.calendarId() != null && intakeGroupId != null
					&& intakeGroupId.equals(r.groupId()))
			.min(Comparator.comparingLong(Rota::id))
			.map(Rota::calendarId);
		if (firstLine.isPresent()) {
			return firstLine;
		}
		return calendars.stream().map(CalendarView::id).min(Comparator.naturalOrder());
	}

}
