package com.helpdesk.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rota and the shifts its pattern gives. Stints start at the handover time, in local
 * wall-clock time of the rota's zone, on the rota's start date and every
 * {@code everyWeeks} weeks after it, so a Wednesday 10:00 handover stays at 10:00 on both
 * sides of a daylight saving change (that week's shift is an hour shorter or longer).
 * Plain Java: no database, no clock.
 *
 * @param calendarId the team's business calendar: on-call covers its closed hours,
 * first-line its open hours
 * @param groupId the support group whose tickets the rota's people take, if any
 * @param optIn whether people join and leave the rota themselves
 * @param swapApproval whether a manager approves swaps the colleagues agreed
 */
public record Rota(long id, String name, RotaDuty duty, RotaTemplate template, ZoneId zone, LocalDate startsOn,
		LocalTime handoverTime, Long calendarId, Long groupId, boolean optIn, boolean swapApproval, long version,
		List<RotaPosition> positions, List<Assignment> assignments, List<Cover> covers) {

	public Rota {
		positions = List.copyOf(positions);
		assignments = List.copyOf(assignments);
		covers = covers.stream().sorted(Comparator.comparing(Cover::start)).toList();
	}

	/**
	 * Every shift that overlaps {@code [from, to)}, by start time then position; an
	 * override splits the shift it covers into the parts before, during and after it.
	 */
	public List<Shift> shifts(Instant from, Instant to) {
		List<Shift> shifts = new ArrayList<>();
		for (RotaPosition position : this.positions) {
			for (Shift stint : stints(position, from, to)) {
				shifts.addAll(withCovers(stint, from, to));
			}
		}
		shifts.sort(Comparator.comparing(Shift::start).thenComparing(Shift::end).thenComparing(this::positionIndex));
		return shifts;
	}

	/**
	 * The shifts running at an instant, one per person on at once.
	 */
	public List<Shift> shiftsAt(Instant instant) {
		return shifts(instant, instant.plusSeconds(1));
	}

	/**
	 * The whole stints of a position overlapping {@code [from, to)}, with swaps applied
	 * and overrides not.
	 */
	public List<Shift> stints(RotaPosition position, Instant from, Instant to) {
		List<Shift> stints = new ArrayList<>();
		LocalDate first = firstDate(position);
		int days = position.everyWeeks() * 7;
		LocalDate fromDate = LocalDate.ofInstant(from, this.zone).minusDays(position.stintWeeks() * 7L + 1);
		long k = Math.max(0, Math.floorDiv(ChronoUnit.DAYS.between(first, fromDate), days));
		Map<Integer, Long> swapped = new HashMap<>();
		for (Assignment assignment : this.assignments) {
			if (assignment.positionId() == position.id()) {
				swapped.put(assignment.stint(), assignment.personId());
			}
		}
		for (;; k++) {
			Instant start = stintStart(position, (int) k);
			if (!start.isBefore(to)) {
				break;
			}
			Instant end = at(stintDate(position, (int) k).plusWeeks(position.stintWeeks()));
			if (!end.isAfter(from)) {
				continue;
			}
			Long scheduled = scheduledHolder(position, (int) k);
			if (scheduled == null) {
				continue;
			}
			long holder = swapped.getOrDefault((int) k, scheduled);
			stints.add(new Shift(this.id, position.id(), position.name(), (int) k, holder, scheduled, start, end));
		}
		return stints;
	}

	/**
	 * One whole stint of a position, with swaps applied and overrides not.
	 */
	public Optional<Shift> stint(RotaPosition position, int stint) {
		if (stint < 0) {
			return Optional.empty();
		}
		Instant start = stintStart(position, stint);
		return stints(position, start, start.plusSeconds(1)).stream().filter((s) -> s.stint() == stint).findFirst();
	}

	/**
	 * Whether someone is, or has been, in the turn order of a position.
	 */
	public boolean isOn(RotaPosition position, long personId) {
		return position.rosters().stream().anyMatch((r) -> r.memberIds().contains(personId));
	}

	/**
	 * Who the pattern gives a stint to, from the roster in force on its start date;
	 * {@code null} before the first roster.
	 */
	public Long scheduledHolder(RotaPosition position, int stint) {
		LocalDate date = stintDate(position, stint);
		Roster roster = position.rosterOn(date);
		if (roster == null || roster.memberIds().isEmpty()) {
			return null;
		}
		int firstStint = firstStintOnOrAfter(position, roster.effectiveFrom());
		return roster.memberIds().get(Math.floorMod(stint - firstStint, roster.memberIds().size()));
	}

	/**
	 * The position's people in the order that continues the rotation from a date: the
	 * first is who would take the first stint starting on or after it. What an editor
	 * starts from when reordering, adding or removing people from that date.
	 */
	public List<Long> continuingOrder(RotaPosition position, LocalDate from) {
		int stint = firstStintOnOrAfter(position, from);
		Roster roster = position.rosterOn(stintDate(position, stint));
		if (roster == null) {
			return List.of();
		}
		int size = roster.memberIds().size();
		List<Long> order = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			order.add(scheduledHolder(position, stint + i));
		}
		return order;
	}

	/**
	 * The first stint of a position that has not started at an instant.
	 */
	public int nextStint(RotaPosition position, Instant instant) {
		int next = firstStintOnOrAfter(position, LocalDate.ofInstant(instant, this.zone));
		while (!stintStart(position, next).isAfter(instant)) {
			next++;
		}
		return next;
	}

	/**
	 * The index of the first stint of a position that starts on or after a date.
	 */
	public int firstStintOnOrAfter(RotaPosition position, LocalDate date) {
		long days = ChronoUnit.DAYS.between(firstDate(position), date);
		int every = position.everyWeeks() * 7;
		return (int) Math.max(0, Math.floorDiv(days + every - 1, every));
	}

	public LocalDate stintDate(RotaPosition position, int stint) {
		return firstDate(position).plusWeeks((long) stint * position.everyWeeks());
	}

	public Instant stintStart(RotaPosition position, int stint) {
		return at(stintDate(position, stint));
	}

	public Optional<RotaPosition> position(long positionId) {
		return this.positions.stream().filter((p) -> p.id() == positionId).findFirst();
	}

	/**
	 * The handover instant on a date; a handover time that falls in a daylight saving gap
	 * moves later by the length of the gap, as java.time resolves it.
	 */
	public Instant at(LocalDate date) {
		return ZonedDateTime.of(date, this.handoverTime, this.zone).toInstant();
	}

	/**
	 * Whether the handover time falls in a daylight saving gap on some stint start within
	 * the next ten years; such a rota would hand over at a time that does not exist.
	 */
	public Optional<LocalDate> handoverInGap() {
		for (RotaPosition position : this.positions) {
			for (int k = 0; k < 520 / position.everyWeeks() + 1; k++) {
				LocalDateTime local = LocalDateTime.of(stintDate(position, k), this.handoverTime);
				if (this.zone.getRules().getValidOffsets(local).isEmpty()) {
					return Optional.of(local.toLocalDate());
				}
			}
		}
		return Optional.empty();
	}

	private LocalDate firstDate(RotaPosition position) {
		return this.startsOn.plusWeeks(position.offsetWeeks());
	}

	private int positionIndex(Shift shift) {
		for (int i = 0; i < this.positions.size(); i++) {
			if (this.positions.get(i).id() == shift.positionId()) {
				return i;
			}
		}
		return this.positions.size();
	}

	private List<Shift> withCovers(Shift stint, Instant from, Instant to) {
		List<Shift> parts = new ArrayList<>();
		Instant cursor = stint.start();
		for (Cover cover : this.covers) {
			if (cover.positionId() != stint.positionId() || !cover.overlaps(stint.start(), stint.end())
					|| (cover.coveredPersonId() != null && cover.coveredPersonId() != stint.personId())) {
				continue;
			}
			Instant coverStart = cover.start().isAfter(cursor) ? cover.start() : cursor;
			Instant coverEnd = cover.end().isBefore(stint.end()) ? cover.end() : stint.end();
			if (!coverEnd.isAfter(coverStart)) {
				continue;
			}
			if (coverStart.isAfter(cursor)) {
				parts.add(part(stint, stint.personId(), cursor, coverStart));
			}
			parts.add(part(stint, cover.personId(), coverStart, coverEnd));
			cursor = coverEnd;
		}
		if (cursor.isBefore(stint.end())) {
			parts.add(part(stint, stint.personId(), cursor, stint.end()));
		}
		parts.removeIf((part) -> !part.end().isAfter(from) || !part.start().isBefore(to));
		return parts;
	}

	private static Shift part(Shift stint, long personId, Instant start, Instant end) {
		return new Shift(stint.rotaId(), stint.positionId(), stint.positionName(), stint.stint(), personId,
				stint.scheduledPersonId(), start, end);
	}

}
