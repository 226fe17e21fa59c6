package com.helpdesk.rota.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.helpdesk.rota.LeaveClash;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.RotaPosition;
import com.helpdesk.rota.ShiftView;

/**
 * A rota's month as a table: a row per day in the viewer's zone, a column per position,
 * each cell naming who is on that day and, on a handover day, from or until when.
 */
record RotaMonth(YearMonth month, List<String> positions, List<Day> days) {

	record Day(LocalDate date, boolean today, List<List<Entry>> cells) {
	}

	/**
	 * @param from the local time someone comes on during the day, or {@code null}
	 * @param until the local time someone goes off during the day, or {@code null}
	 * @param changed held by someone other than the pattern's choice (a cover or swap)
	 */
	record Entry(String name, LocalTime from, LocalTime until, boolean changed, String scheduledName, boolean away) {
	}

	static Instant start(YearMonth month, ZoneId zone) {
		return month.atDay(1).atStartOfDay(zone).toInstant();
	}

	static Instant end(YearMonth month, ZoneId zone) {
		return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
	}

	static RotaMonth of(Rota rota, YearMonth month, ZoneId zone, List<ShiftView> shifts, List<LeaveClash> clashes,
			LocalDate today) {
		List<String> positions = rota.positions().stream().map(RotaPosition::name).toList();
		List<Day> days = new ArrayList<>();
		for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
			Instant dayStart = date.atStartOfDay(zone).toInstant();
			Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
			List<List<Entry>> cells = new ArrayList<>();
			for (RotaPosition position : rota.positions()) {
				List<Entry> cell = new ArrayList<>();
				for (ShiftView view : shifts) {
					var shift = view.shift();
					if (shift.positionId() != position.id() || !shift.start().isBefore(dayEnd)
							|| !shift.end().isAfter(dayStart)) {
						continue;
					}
					LocalTime from = shift.start().isAfter(dayStart) ? shift.start().atZone(zone).toLocalTime() : null;
					LocalTime until = shift.end().isBefore(dayEnd) ? shift.end().atZone(zone).toLocalTime() : null;
					boolean away = clashes.stream()
						.anyMatch((c) -> c.shift().shift().equals(shift) && c.start().isBefore(dayEnd)
								&& c.end().isAfter(dayStart));
					cell.add(new Entry(view.personName(), from, until, shift.isChanged(), view.scheduledPersonName(),
							away));
				}
				cells.add(cell);
			}
			days.add(new Day(date, date.equals(today), cells));
		}
		return new RotaMonth(month, positions, days);
	}

}
