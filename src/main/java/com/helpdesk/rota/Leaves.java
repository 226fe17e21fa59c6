package com.helpdesk.rota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.rota.internal.LeaveStore;
import com.helpdesk.rota.internal.RotaStore;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave: people mark the days they are away, and every shift that clashes is flagged with
 * the fairest cover, the free colleague on the position with the fewest shift hours in
 * the last twelve weeks.
 */
@Service
@Transactional
public class Leaves {

	/** How far back "fewest recent hours" looks. */
	static final Duration RECENT = Duration.ofDays(12 * 7);

	private static final int MAX_DAYS = 366;

	private final LeaveStore store;

	private final RotaStore rotas;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	Leaves(LeaveStore store, RotaStore rotas, Directory directory, AuditLog audit, Clock clock) {
		this.store = store;
		this.rotas = rotas;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	public long add(Person person, LocalDate firstDay, LocalDate lastDay, String note) {
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), person.zone());
		if (firstDay == null) {
			errors.add(new FieldError("firstDay", "rota.leave.firstDay.required"));
		}
		if (lastDay == null) {
			errors.add(new FieldError("lastDay", "rota.leave.lastDay.required"));
		}
		if (firstDay != null && lastDay != null) {
			if (lastDay.isBefore(firstDay)) {
				errors.add(new FieldError("lastDay", "rota.leave.lastDay.beforeFirst"));
			}
			else if (lastDay.isBefore(today)) {
				errors.add(new FieldError("lastDay", "rota.leave.past"));
			}
			else if (firstDay.plusDays(MAX_DAYS).isBefore(lastDay)) {
				errors.add(new FieldError("lastDay", "rota.leave.tooLong"));
			}
			else if (this.store.overlapping(person.id(), firstDay, lastDay)) {
				errors.add(new FieldError("firstDay", "rota.leave.overlap"));
			}
		}
		String text = (note != null && !note.isBlank()) ? note.trim() : null;
		TextRules.text(errors, "note", text, 200, "rota.leave.note.tooLong");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long id = this.store.insert(person.id(), firstDay, lastDay, text, this.clock.instant());
		this.audit.record(person.id(), "LEAVE", id, "CREATED", person.name() + ": " + firstDay + " to " + lastDay);
		return id;
	}

	public void remove(long leaveId, Person person) {
		Leave leave = this.store.find(leaveId).orElseThrow(() -> new NotFoundException("leave", leaveId));
		if (leave.personId() != person.id()) {
			throw new AccessDeniedException("Not theirs");
		}
		this.store.delete(leaveId);
		this.audit.record(person.id(), "LEAVE", leaveId, "REMOVED",
				person.name() + ": " + leave.firstDay() + " to " + leave.lastDay());
	}

	@Transactional(readOnly = true)
	public List<Leave> of(long personId) {
		return this.store.of(personId);
	}

	/**
	 * Everyone's leave overlapping a period, by person.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Leave>> during(Collection<Long> people, Instant from, Instant to) {
		return this.store.during(people, from, to);
	}

	/**
	 * Shifts of a rota in a period whose holder is away, each with the fairest cover.
	 */
	@Transactional(readOnly = true)
	public List<LeaveClash> clashes(long rotaId, Instant from, Instant to) {
		Rota rota = this.rotas.find(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		List<Shift> shifts = rota.shifts(from, to);
		Set<Long> people = new LinkedHashSet<>();
		shifts.forEach((s) -> people.add(s.personId()));
		rota.positions().forEach((p) -> p.rosters().forEach((r) -> people.addAll(r.memberIds())));
		Map<Long, List<Leave>> leave = this.store.during(people, from.minus(Duration.ofDays(1)),
				to.plus(Duration.ofDays(1)));
		if (leave.values().stream().allMatch(List::isEmpty)) {
			return List.of();
		}
		List<Rota> all = this.rotas.all();
		Map<Long, Person> names = this.directory.peopleById(people);
		List<LeaveClash> clashes = new ArrayList<>();
		for (Shift shift : shifts) {
			for (Leave away : leave.getOrDefault(shift.personId(), List.of())) {
				if (!away.overlaps(shift.start(), shift.end())) {
					continue;
				}
				Instant start = later(shift.start(), away.start());
				Instant end = earlier(shift.end(), away.end());
				RotaPosition position = rota.position(shift.positionId()).orElseThrow();
				Suggestion suggestion = fairestCover(rota, position, shift, start, end, leave, all);
				ShiftView view = new ShiftView(shift, rota.name(), name(names, shift.personId()),
						shift.isChanged() ? name(names, shift.scheduledPersonId()) : null);
				clashes.add(new LeaveClash(view, start, end, (suggestion != null) ? suggestion.personId() : null,
						(suggestion != null) ? name(names, suggestion.personId()) : null,
						(suggestion != null) ? suggestion.hours() : 0));
			}
		}
		return clashes;
	}

	private record Suggestion(long personId, long hours) {
	}

	private Suggestion fairestCover(Rota rota, RotaPosition position, Shift shift, Instant start, Instant end,
			Map<Long, List<Leave>> leave, List<Rota> all) {
		Set<Long> candidates = new LinkedHashSet<>();
		position.rosters().forEach((r) -> candidates.addAll(r.memberIds()));
		candidates.remove(shift.personId());
		Set<Long> busy = new LinkedHashSet<>();
		rota.shifts(start, end).forEach((s) -> busy.add(s.personId()));
		Instant since = start.minus(RECENT);
		Map<Long, Duration> recent = new HashMap<>();
		for (Rota any : all) {
			for (Shift past : any.shifts(since, start)) {
				Instant a = later(past.start(), since);
				Instant b = earlier(past.end(), start);
				recent.merge(past.personId(), Duration.between(a, b), Duration::plus);
			}
		}
		return candidates.stream()
			.filter((id) -> !busy.contains(id))
			.filter((id) -> leave.getOrDefault(id, List.of()).stream().noneMatch((l) -> l.overlaps(start, end)))
			.map((id) -> new Suggestion(id, recent.getOrDefault(id, Duration.ZERO).toHours()))
			.min(Comparator.comparingLong(Suggestion::hours).thenComparingLong(Suggestion::personId))
			.orElse(null);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static String name(Map<Long, Person> people, long id) {
		Person person = people.get(id);
		return (person != null) ? person.name() : "#" + id;
	}

}
