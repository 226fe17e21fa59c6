package com.helpdesk.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a team is open, and how much open time lies between two instants. All business
 * time arithmetic goes through here. Hours are local wall-clock times in the calendar's
 * zone, so a day that starts at 10:00 starts at 10:00 on both sides of a daylight saving
 * change; an opening time that falls in a DST gap is moved later by the length of the
 * gap, as java.time resolves it.
 */
public final class BusinessCalendar {

	/** How far ahead to look for open time before concluding there is none. */
	private static final int MAX_DAYS = 5 * 366;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<OpeningHours>> hours;

	private final Set<LocalDate> holidays;

	public BusinessCalendar(ZoneId zone, Collection<OpeningHours> hours, Collection<LocalDate> holidays) {
		this.zone = zone;
		Map<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
		for (OpeningHours interval : new TreeSet<>(hours)) {
			List<OpeningHours> day = byDay.computeIfAbsent(interval.day(), (d) -> new ArrayList<>());
			if (!day.isEmpty() && day.get(day.size() - 1).end().isAfter(interval.start())) {
				throw new IllegalArgumentException("Opening intervals overlap on " + interval.day());
			}
			day.add(interval);
		}
		this.hours = byDay;
		this.holidays = Set.copyOf(holidays);
	}

	/**
	 * A calendar open every minute of every day (24/7 clocks); its business day ends at
	 * midnight.
	 */
	public static BusinessCalendar always(ZoneId zone) {
		List<OpeningHours> hours = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.add(new OpeningHours(day, LocalTime.MIN, LocalTime.MAX));
		}
		return new BusinessCalendar(zone, hours, List.of());
	}

	public ZoneId zone() {
		return this.zone;
	}

	public boolean hasOpenTime() {
		return !this.hours.isEmpty();
	}

	public boolean isHoliday(LocalDate date) {
		return this.holidays.contains(date);
	}

	public boolean isOpen(Instant instant) {
		LocalDate date = LocalDate.ofInstant(instant, this.zone);
		for (LocalDate day : List.of(date.minusDays(1), date)) {
			for (Interval open : openOn(day)) {
				if (open.contains(instant)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The instant at which {@code amount} of open time has passed since {@code start}.
	 * Zero from a closed instant answers the start itself.
	 */
	public Instant plus(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Cannot add negative business time");
		}
		Duration remaining = amount;
		if (remaining.isZero()) {
			return start;
		}
		LocalDate day = LocalDate.ofInstant(start, this.zone).minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Interval open : openOn(day)) {
				if (!open.end().isAfter(start)) {
					continue;
				}
				Instant from = open.start().isAfter(start) ? open.start() : start;
				Duration available = Duration.between(from, open.end());
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalStateException("The calendar has no open time in the next " + MAX_DAYS + " days");
	}

	/**
	 * The open time between two instants (zero if {@code to} is not after {@code from}).
	 */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = LocalDate.ofInstant(to, this.zone);
		for (LocalDate day = LocalDate.ofInstant(from, this.zone).minusDays(1); !day.isAfter(last); day = day
			.plusDays(1)) {
			for (Interval open : openOn(day)) {
				Instant start = open.start().isAfter(from) ? open.start() : from;
				Instant end = open.end().isBefore(to) ? open.end() : to;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/**
	 * The close of the business day in which {@code start} falls, or, if the calendar is
	 * closed then, the close of the next business day (New tickets are answered before
	 * the end of the day).
	 */
	public Instant endOfBusinessDay(Instant start) {
		LocalDate day = LocalDate.ofInstant(start, this.zone).minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			List<Interval> open = openOn(day);
			// the first business day whose close is still ahead: the one it starts in, or
			// the next
			if (!open.isEmpty() && open.get(open.size() - 1).end().isAfter(start)) {
				return open.get(open.size() - 1).end();
			}
		}
		throw new IllegalStateException("The calendar has no open time in the next " + MAX_DAYS + " days");
	}

	/**
	 * The next instant at or after {@code from} when the calendar is open.
	 */
	public Instant nextOpening(Instant from) {
		LocalDate day = LocalDate.ofInstant(from, this.zone).minusDays(1);
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Interval open : openOn(day)) {
				if (open.end().isAfter(from)) {
					return open.start().isAfter(from) ? open.start() : from;
				}
			}
		}
		throw new IllegalStateException("The calendar has no open time in the next " + MAX_DAYS + " days");
	}

	/**
	 * When a business day opens, if the calendar opens that date at all.
	 */
	public java.util.Optional<Instant> opening(LocalDate date) {
		List<Interval> open = openOn(date);
		return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(0).start());
	}

	/**
	 * When a business day closes, if the calendar opens that date at all.
	 */
	public java.util.Optional<Instant> closing(LocalDate date) {
		List<Interval> open = openOn(date);
		return open.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(open.get(open.size() - 1).end());
	}

	/**
	 * The open intervals of one local date, as instants, in order.
	 */
	List<Interval> openOn(LocalDate date) {
		if (this.holidays.contains(date)) {
			return List.of();
		}
		List<OpeningHours> day = this.hours.get(date.getDayOfWeek());
		if (day == null) {
			return List.of();
		}
		List<Interval> open = new ArrayList<>(day.size());
		for (OpeningHours interval : day) {
			Instant start = ZonedDateTime.of(date, interval.start(), this.zone).toInstant();
			Instant end = interval.end().equals(LocalTime.MAX) ? date.plusDays(1).atStartOfDay(this.zone).toInstant()
					: ZonedDateTime.of(date, interval.end(), this.zone).toInstant();
			if (end.isAfter(start)) {
				open.add(new Interval(start, end));
			}
		}
		return open;
	}

	record Interval(Instant start, Instant end) {

		boolean contains(Instant instant) {
			return !instant.isBefore(this.start) && instant.isBefore(this.end);
		}

	}

}
