package com.helpdesk.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.helpdesk.calendar.CalendarView;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaDuty;
import com.helpdesk.rota.RotaTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which calendar the reviews count in: the first-line rota's that works the default
 * intake group, else the first calendar set up, else none (London weekdays).
 */
class TeamCalendarTest {

	static Rota rota(long id, RotaDuty duty, Long calendarId, Long groupId) {
		return new Rota(id, "Rota " + id, duty, RotaTemplate.WEEKLY_PAIR, ZoneId.of("Europe/London"),
				LocalDate.of(2027, 1, 6), LocalTime.of(10, 0), calendarId, groupId, false, false, 0, List.of(),
				List.of(), List.of());
	}

	static CalendarView calendar(long id) {
		return new CalendarView(id, "Calendar " + id, "Europe/London", List.of(), List.of(), 0);
	}

	@Test
	void theFirstLineRotaOfTheIntakeGroupGivesTheCalendar() {
		List<Rota> rotas = List.of(rota(1, RotaDuty.ON_CALL, 10L, 7L), rota(3, RotaDuty.FIRST_LINE, 30L, 7L),
				rota(2, RotaDuty.FIRST_LINE, 20L, 8L), rota(4, RotaDuty.FIRST_LINE, 40L, 7L));
		assertThat(TeamCalendar.choose(rotas, 7L, List.of(calendar(10), calendar(20), calendar(30)))).contains(30L);
	}

	@Test
	void withoutSuchARotaTheFirstCalendarSetUpStandsForTheTeam() {
		List<Rota> rotas = List.of(rota(1, RotaDuty.FIRST_LINE, 20L, 8L), rota(2, RotaDuty.FIRST_LINE, null, 7L));
		assertThat(TeamCalendar.choose(rotas, 7L, List.of(calendar(30), calendar(12), calendar(20)))).contains(12L);
		assertThat(TeamCalendar.choose(rotas, null, List.of(calendar(30), calendar(12)))).contains(12L);
		assertThat(TeamCalendar.choose(List.of(), 7L, List.of())).isEmpty();
		assertThat(TeamCalendar.LONDON_WEEKDAYS.zone()).isEqualTo(ZoneId.of("Europe/London"));
	}

}
