package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helpdesk.calendar.BusinessCalendar;

/**
 * The arithmetic of a team's capacity (part of each week is reserved for unplanned
 * support). Each person brings every day the team's calendar is open, less the share of
 * that day's open hours they spend on a rota's duty or on leave; the reserve is taken
 * from what is left. Days are counted to a tenth.
 */
public final class Capacity {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Capacity() {
	}

	public static PeriodCapacity of(PlanningPeriod period, BusinessCalendar calendar, Collection<Long> people,
			Map<Long, List<Away>> away, int reservePercent) {
		if (reservePercent < 0 || reservePercent > 90) {
			throw new IllegalArgumentException("The reserve is 0 to 90 per cent");
		}
		ZoneId zone = calendar.zone();
		List<PeriodCapacity.PersonCapacity> each = new ArrayList<>();
		for (long person : people) {
			List<Away> theirs = away.getOrDefault(person, List.of());
			List<Interval> onDuty = merged(theirs.stream().filter((a) -> a.reason() == Away.Reason.DUTY).toList());
			List<Interval> off = merged(theirs);
			double personWorking = 0;
			double personDuty = 0;
			double personOff = 0;
			Set<String> duties = new LinkedHashSet<>();
			Set<String> leaveNotes = new LinkedHashSet<>();
			for (LocalDate day = period.start(); day.isBefore(period.end()); day = day.plusDays(1)) {
				Instant from = day.atStartOfDay(zone).toInstant();
				Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
				long open = calendar.between(from, to).toSeconds();
				if (open == 0) {
					continue;
				}
				personWorking += 1;
				personDuty += (double) openWithin(calendar, onDuty, from, to) / open;
				personOff += (double) openWithin(calendar, off, from, to) / open;
				for (Away a : theirs) {
					if (a.start().isBefore(to) && from.isBefore(a.end())
							&& !calendar.between(later(a.start(), from), earlier(a.end(), to)).isZero()) {
						(a.reason() == Away.Reason.DUTY ? duties : leaveNotes).add(a.what());
					}
				}
			}
			BigDecimal w = days(personWorking);
			BigDecimal d = days(personDuty);
			BigDecimal o = days(personOff);
			each.add(new PeriodCapacity.PersonCapacity(person, w, d, o.subtract(d), w.subtract(o), List.copyOf(duties),
					List.copyOf(leaveNotes)));
		}
		BigDecimal availableDays = each.stream()
			.map(PeriodCapacity.PersonCapacity::availableDays)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal reserve = availableDays.multiply(BigDecimal.valueOf(reservePercent))
			.divide(HUNDRED, 1, RoundingMode.HALF_UP);
		return new PeriodCapacity(period, reservePercent, List.copyOf(each),
				sum(each, PeriodCapacity.PersonCapacity::workingDays),
				sum(each, PeriodCapacity.PersonCapacity::dutyDays), sum(each, PeriodCapacity.PersonCapacity::leaveDays),
				availableDays, reserve, availableDays.subtract(reserve));
	}

	private static BigDecimal sum(List<PeriodCapacity.PersonCapacity> each,
			java.util.function.Function<PeriodCapacity.PersonCapacity, BigDecimal> part) {
		return each.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal days(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
	}

	/**
	 * Seconds of open time inside {@code [from, to)} covered by the intervals.
	 */
	private static long openWithin(BusinessCalendar calendar, List<Interval> intervals, Instant from, Instant to) {
		long seconds = 0;
		for (Interval interval : intervals) {
			Instant start = later(interval.start(), from);
			Instant end = earlier(interval.end(), to);
			if (start.isBefore(end)) {
				seconds += calendar.between(start, end).toSeconds();
			}
		}
		return seconds;
	}

	/**
	 * The intervals joined where they overlap or touch, in order, so no time counts
	 * twice.
	 */
	private static List<Interval> merged(List<Away> away) {
		List<Away> sorted = away.stream().sorted(Comparator.comparing(Away::start)).toList();
		List<Interval> merged = new ArrayList<>();
		for (Away a : sorted) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !a.start().isAfter(last.end())) {
				merged.set(merged.size() - 1, new Interval(last.start(), later(last.end(), a.end())));
			}
			else {
				merged.add(new Interval(a.start(), a.end()));
			}
		}
		return merged;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private record Interval(Instant start, Instant end) {
	}

}
