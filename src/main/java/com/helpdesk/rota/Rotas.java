package com.helpdesk.rota;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.rota.RotaCommand.PositionCommand;
import com.helpdesk.rota.internal.RotaStore;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotas: set up from a template, changed from a date without rewriting what has run, and
 * asked who is on now or when someone is on next.
 */
@Service
@Transactional
public class Rotas {

	private static final int MAX_POSITIONS = 8;

	private final RotaStore store;

	private final Directory directory;

	private final Calendars calendars;

	private final AuditLog audit;

	private final Clock clock;

	Rotas(RotaStore store, Directory directory, Calendars calendars, AuditLog audit, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.calendars = calendars;
		this.audit = audit;
		this.clock = clock;
	}

	public long create(RotaCommand command, Long actorId) {
		check(command);
		long id = this.store.insert(normalised(command), this.clock.instant(), actorId);
		this.audit.record(actorId, "ROTA", id, "CREATED", describe(command));
		return id;
	}

	/**
	 * Sets who takes a position's turns, in order, from a date; shifts that start before
	 * that date stay as they were.
	 */
	public void changeRoster(long rotaId, long positionId, LocalDate from, List<Long> memberIds, Long actorId) {
		this.store.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		Rota rota = get(rotaId);
		RotaPosition position = rota.position(positionId)
			.orElseThrow(() -> new NotFoundException("position", positionId));
		List<FieldError> errors = new ArrayList<>();
		if (from == null) {
			errors.add(new FieldError("from", "rota.roster.from.required"));
		}
		else if (!rota.stintStart(position, rota.firstStintOnOrAfter(position, from)).isAfter(this.clock.instant())) {
			errors.add(new FieldError("from", "rota.roster.from.past"));
		}
		checkMembers(position.name(), position.concurrent(), memberIds, "members", errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.store.putRoster(positionId, from, memberIds, this.clock.instant(), actorId);
		this.store.touch(rotaId);
		this.audit.record(actorId, "ROTA", rotaId, "ROSTER_CHANGED",
				position.name() + " from " + from + ": " + names(memberIds));
	}

	/**
	 * Someone joins an opt-in rota: they take their first turn after everyone already on
	 * it, from the next stint that has not started.
	 */
	public LocalDate join(long rotaId, Person person) {
		return changeOwnMembership(rotaId, person, true);
	}

	/**
	 * Someone leaves an opt-in rota from the next stint that has not started; a shift
	 * they are in now or were given before stays theirs until changed.
	 */
	public LocalDate leave(long rotaId, Person person) {
		return changeOwnMembership(rotaId, person, false);
	}

	private LocalDate changeOwnMembership(long rotaId, Person person, boolean joining) {
		this.store.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		Rota rota = get(rotaId);
		if (!rota.optIn()) {
			throw new InvalidInputException("rota", "rota.optIn.closed");
		}
		if (!person.isStaff()) {
			throw new InvalidInputException("rota", "rota.member.notStaff");
		}
		RotaPosition position = rota.positions().get(0);
		LocalDate from = rota.stintDate(position, rota.nextStint(position, this.clock.instant()));
		List<Long> order = new ArrayList<>(rota.continuingOrder(position, from));
		boolean member = order.contains(person.id());
		if (joining == member) {
			throw new InvalidInputException("rota", joining ? "rota.optIn.alreadyOn" : "rota.optIn.notOn");
		}
		if (joining) {
			order.add(person.id());
		}
		else {
			order.remove(person.id());
			if (order.size() < position.concurrent()) {
				throw new InvalidInputException("rota", "rota.optIn.lastOne");
			}
		}
		this.store.putRoster(position.id(), from, order, this.clock.instant(), person.id());
		this.store.touch(rotaId);
		this.audit.record(person.id(), "ROTA", rotaId, joining ? "JOINED" : "LEFT",
				person.name() + (joining ? " joined" : " left") + " from " + from);
		return from;
	}

	/**
	 * An override: someone covers part of a position's shifts. Only time still to come
	 * can be covered, by staff, and two covers of the same shift never overlap.
	 */
	public long addCover(long rotaId, CoverCommand command, Person actor) {
		this.store.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		Rota rota = get(rotaId);
		RotaPosition position = rota.position(command.positionId())
			.orElseThrow(() -> new NotFoundException("position", command.positionId()));
		Instant now = this.clock.instant();
		List<FieldError> errors = new ArrayList<>();
		if (command.start() == null) {
			errors.add(new FieldError("start", "rota.cover.start.required"));
		}
		else if (!command.start().isAfter(now)) {
			errors.add(new FieldError("start", "rota.cover.past"));
		}
		if (command.end() == null) {
			errors.add(new FieldError("end", "rota.cover.end.required"));
		}
		else if (command.start() != null && !command.end().isAfter(command.start())) {
			errors.add(new FieldError("end", "rota.cover.end.beforeStart"));
		}
		if (command.personId() == null) {
			errors.add(new FieldError("personId", "rota.cover.person.required"));
		}
		else if (this.directory.findPerson(command.personId()).filter(Person::isStaff).isEmpty()) {
			errors.add(new FieldError("personId", "rota.member.notStaff"));
		}
		TextRules.text(errors, "reason", command.reason(), 500, "rota.cover.reason.tooLong");
		if (errors.isEmpty()) {
			List<Shift> covered = rota.stints(position, command.start(), command.end())
				.stream()
				.filter((s) -> command.coveredPersonId() == null || s.personId() == command.coveredPersonId())
				.toList();
			if (position.concurrent() > 1 && command.coveredPersonId() == null) {
				errors.add(new FieldError("coveredPersonId", "rota.cover.whom"));
			}
			else if (covered.isEmpty()) {
				errors.add(new FieldError("start", "rota.cover.noShift"));
			}
			else if (covered.stream().anyMatch((s) -> s.personId() == command.personId())) {
				errors.add(new FieldError("personId", "rota.cover.self"));
			}
			else if (rota.covers()
				.stream()
				.anyMatch((c) -> c.positionId() == position.id() && c.overlaps(command.start(), command.end())
						&& (c.coveredPersonId() == null || command.coveredPersonId() == null
								|| c.coveredPersonId().equals(command.coveredPersonId())))) {
				errors.add(new FieldError("start", "rota.cover.overlap"));
			}
			boolean holder = covered.stream().anyMatch((s) -> s.personId() == actor.id());
			boolean manager = actor.role() == Role.MANAGER || actor.role() == Role.ADMIN;
			if (errors.isEmpty() && !holder && !manager) {
				throw new AccessDeniedException("Only the shift's holder or a manager arranges cover");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String reason = (command.reason() != null && !command.reason().isBlank()) ? command.reason().trim() : null;
		long id = this.store.insertCover(position.id(), command.personId(), command.coveredPersonId(), command.start(),
				command.end(), reason, now, actor.id());
		this.store.touch(rotaId);
		this.audit.record(actor.id(), "ROTA", rotaId, "COVER_ADDED", position.name() + ": "
				+ names(List.of(command.personId())) + " from " + command.start() + " to " + command.end());
		return id;
	}

	/**
	 * Renames a rota, moves it to another calendar or group, and sets whether people join
	 * it themselves and whether a manager approves its swaps.
	 */
	public void changeSettings(long rotaId, RotaSettings settings, Long actorId) {
		long version = this.store.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		if (version != settings.version()) {
			throw new ConflictException("conflict.stale");
		}
		Rota rota = get(rotaId);
		List<FieldError> errors = new ArrayList<>();
		String name = (settings.name() != null) ? settings.name().trim() : "";
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "rota.name.required"));
		}
		else if (TextRules.line(errors, "name", name, 120, "rota.name.tooLong") && !name.equalsIgnoreCase(rota.name())
				&& this.store.nameTaken(name)) {
			errors.add(new FieldError("name", "rota.name.taken"));
		}
		if (settings.calendarId() != null) {
			try {
				this.calendars.get(settings.calendarId());
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("calendarId", "rota.calendar.unknown"));
			}
		}
		else if (rota.duty() == RotaDuty.ON_CALL) {
			errors.add(new FieldError("calendarId", "rota.calendar.requiredForOnCall"));
		}
		if (settings.groupId() != null) {
			try {
				this.directory.group(settings.groupId());
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("groupId", "rota.group.unknown"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.store.updateSettings(rotaId, name, settings.calendarId(), settings.groupId(), settings.optIn(),
				settings.swapApproval());
		if (settings.groupId() == null) {
			this.store.setAutoAssign(rotaId, false);
		}
		this.audit.record(actorId, "ROTA", rotaId, "SETTINGS_CHANGED",
				rota.name() + " → " + name + ", calendar " + settings.calendarId() + ", group " + settings.groupId()
						+ ", opt-in " + settings.optIn() + ", swap approval " + settings.swapApproval());
	}

	/**
	 * Whether a first-line rota hands its group's new tickets round its people on shift,
	 * in hours.
	 */
	public void setAutoAssign(long rotaId, boolean enabled, Long actorId) {
		this.store.lock(rotaId).orElseThrow(() -> new NotFoundException("rota", rotaId));
		Rota rota = get(rotaId);
		if (enabled && (rota.duty() != RotaDuty.FIRST_LINE || rota.groupId() == null)) {
			throw new InvalidInputException("autoAssign", "rota.autoAssign.needsGroup");
		}
		this.store.setAutoAssign(rotaId, enabled);
		this.audit.record(actorId, "ROTA", rotaId, "AUTO_ASSIGN", enabled ? "on" : "off");
	}

	@Transactional(readOnly = true)
	public boolean autoAssign(long rotaId) {
		return this.store.autoAssign(rotaId);
	}

	@Transactional(readOnly = true)
	public Rota get(long id) {
		return this.store.find(id).orElseThrow(() -> new NotFoundException("rota", id));
	}

	@Transactional(readOnly = true)
	public List<Rota> list() {
		return this.store.all();
	}

	/**
	 * Who every rota has on now, first-line rotas first.
	 */
	@Transactional(readOnly = true)
	public List<OnDuty> now() {
		return now(this.store.all(), new HashMap<>());
	}

	/**
	 * Who these rotas have on now, first-line rotas first; calendars already read are
	 * taken from {@code calendarsById}, and those read here are added to it.
	 */
	@Transactional(readOnly = true)
	public List<OnDuty> now(List<Rota> rotas, Map<Long, BusinessCalendar> calendarsById) {
		Instant now = this.clock.instant();
		Map<Long, List<Shift>> onNow = new java.util.LinkedHashMap<>();
		rotas.forEach((rota) -> onNow.put(rota.id(), rota.shiftsAt(now)));
		Map<Long, Person> people = this.directory
			.peopleById(personIds(onNow.values().stream().flatMap(List::stream).toList()));
		List<OnDuty> onDuty = new ArrayList<>();
		for (Rota rota : rotas) {
			List<ShiftView> views = onNow.get(rota.id()).stream().map((s) -> view(rota, s, people)).toList();
			// rotas often share a calendar: each is read once
			boolean working = working(rota,
					(id) -> calendarsById.computeIfAbsent(id, this.calendars::businessCalendar).isOpen(now));
			onDuty.add(new OnDuty(rota.id(), rota.name(), rota.duty(), working, views));
		}
		onDuty.sort(Comparator.comparing(OnDuty::duty));
		return onDuty;
	}

	/**
	 * A rota's shifts overlapping a period, with names.
	 */
	@Transactional(readOnly = true)
	public List<ShiftView> shifts(long rotaId, Instant from, Instant to) {
		Rota rota = get(rotaId);
		List<Shift> shifts = rota.shifts(from, to);
		Map<Long, Person> people = this.directory.peopleById(personIds(shifts));
		return shifts.stream().map((s) -> view(rota, s, people)).toList();
	}

	/**
	 * Someone's shifts on every rota overlapping a period, soonest first.
	 */
	@Transactional(readOnly = true)
	public List<ShiftView> shiftsOf(long personId, Instant from, Instant to) {
		List<ShiftView> mine = new ArrayList<>();
		List<Rota> rotas = this.store.all();
		List<Shift> all = new ArrayList<>();
		for (Rota rota : rotas) {
			for (Shift shift : rota.shifts(from, to)) {
				if (shift.personId() == personId || shift.scheduledPersonId() == personId) {
					all.add(shift);
				}
			}
		}
		Map<Long, Person> people = this.directory.peopleById(personIds(all));
		for (Shift shift : all) {
			Rota rota = rotas.stream().filter((r) -> r.id() == shift.rotaId()).findFirst().orElseThrow();
			mine.add(view(rota, shift, people));
		}
		mine.sort(Comparator.comparing((ShiftView v) -> v.shift().start()));
		return mine;
	}

	/**
	 * Whether a rota's hours are running at an instant: first-line while its calendar is
	 * open, on-call while it is closed; a rota without a calendar is always on.
	 */
	@Transactional(readOnly = true)
	public boolean working(Rota rota, Instant at) {
		return working(rota, (calendarId) -> this.calendars.businessCalendar(calendarId).isOpen(at));
	}

	private static boolean working(Rota rota, java.util.function.LongPredicate calendarOpen) {
		return rota.calendarId() == null || rota.duty().covers(calendarOpen.test(rota.calendarId()));
	}

	private ShiftView view(Rota rota, Shift shift, Map<Long, Person> people) {
		String scheduled = shift.isChanged() ? name(people, shift.scheduledPersonId()) : null;
		return new ShiftView(shift, rota.name(), name(people, shift.personId()), scheduled);
	}

	private static String name(Map<Long, Person> people, long id) {
		Person person = people.get(id);
		return (person != null) ? person.name() : "#" + id;
	}

	private static Set<Long> personIds(List<Shift> shifts) {
		Set<Long> ids = new HashSet<>();
		shifts.forEach((s) -> {
			ids.add(s.personId());
			ids.add(s.scheduledPersonId());
		});
		return ids;
	}

	private void check(RotaCommand command) {
		List<FieldError> errors = new ArrayList<>();
		String name = (command.name() != null) ? command.name().trim() : "";
		if (name.isEmpty()) {
			errors.add(new FieldError("name", "rota.name.required"));
		}
		else if (TextRules.line(errors, "name", name, 120, "rota.name.tooLong") && this.store.nameTaken(name)) {
			errors.add(new FieldError("name", "rota.name.taken"));
		}
		if (command.template() == null || command.duty() == null) {
			errors.add(new FieldError("template", "rota.template.required"));
		}
		ZoneId zone = null;
		try {
			zone = (command.timeZone() != null) ? ZoneId.of(command.timeZone()) : null;
		}
		catch (DateTimeException ex) {
			// reported below
		}
		if (zone == null) {
			errors.add(new FieldError("timeZone", "rota.timeZone.invalid"));
		}
		if (command.startsOn() == null) {
			errors.add(new FieldError("startsOn", "rota.startsOn.required"));
		}
		if (command.handoverTime() == null) {
			errors.add(new FieldError("handoverTime", "rota.handoverTime.required"));
		}
		if (command.calendarId() != null) {
			try {
				this.calendars.get(command.calendarId());
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("calendarId", "rota.calendar.unknown"));
			}
		}
		else if (command.duty() == RotaDuty.ON_CALL) {
			errors.add(new FieldError("calendarId", "rota.calendar.requiredForOnCall"));
		}
		if (command.groupId() != null) {
			try {
				this.directory.group(command.groupId());
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("groupId", "rota.group.unknown"));
			}
		}
		if (command.positions().isEmpty() || command.positions().size() > MAX_POSITIONS) {
			errors.add(new FieldError("positions", "rota.positions.count"));
		}
		Set<String> positionNames = new HashSet<>();
		for (int i = 0; i < command.positions().size(); i++) {
			PositionCommand position = command.positions().get(i);
			String prefix = "positions[" + i + "].";
			String positionName = (position.name() != null) ? position.name().trim() : "";
			if (positionName.isEmpty() || !TextRules.isLine(positionName, 80)) {
				errors.add(new FieldError(prefix + "name", "rota.position.name.required"));
			}
			else if (!positionNames.add(positionName.toLowerCase(java.util.Locale.ROOT))) {
				errors.add(new FieldError(prefix + "name", "rota.position.name.duplicate"));
			}
			boolean shapeOk = true;
			if (position.stintWeeks() < 1 || position.stintWeeks() > 52) {
				errors.add(new FieldError(prefix + "stintWeeks", "rota.position.stintWeeks.range"));
				shapeOk = false;
			}
			if (position.everyWeeks() < 1 || position.everyWeeks() > 52) {
				errors.add(new FieldError(prefix + "everyWeeks", "rota.position.everyWeeks.range"));
				shapeOk = false;
			}
			else if (shapeOk && position.stintWeeks() % position.everyWeeks() != 0) {
				// a new stint less often than one ends would leave weeks with no one on
				errors.add(new FieldError(prefix + "everyWeeks", "rota.position.everyWeeks.gap"));
				shapeOk = false;
			}
			if (position.offsetWeeks() < 0 || position.offsetWeeks() > 52) {
				errors.add(new FieldError(prefix + "offsetWeeks", "rota.position.offsetWeeks.range"));
			}
			int concurrent = shapeOk ? position.stintWeeks() / position.everyWeeks() : 1;
			checkMembers(positionName, concurrent, position.memberIds(), prefix + "members", errors);
		}
		if (errors.isEmpty()) {
			Rota draft = new Rota(0, name, command.duty(), command.template(), zone, command.startsOn(),
					command.handoverTime(), null, null, false, false, 0,
					command.positions()
						.stream()
						.map((p) -> new RotaPosition(0, p.name(), p.stintWeeks(), p.everyWeeks(), p.offsetWeeks(),
								List.of()))
						.toList(),
					List.of(), List.of());
			Optional<LocalDate> gap = draft.handoverInGap();
			if (gap.isPresent()) {
				errors.add(new FieldError("handoverTime", "rota.handoverTime.gap"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private void checkMembers(String positionName, int concurrent, List<Long> memberIds, String field,
			List<FieldError> errors) {
		if (memberIds == null || memberIds.isEmpty()) {
			errors.add(new FieldError(field, "rota.members.required"));
			return;
		}
		if (new LinkedHashSet<>(memberIds).size() != memberIds.size()) {
			errors.add(new FieldError(field, "rota.members.duplicate"));
			return;
		}
		if (memberIds.size() < concurrent) {
			errors.add(new FieldError(field, "rota.members.tooFew"));
			return;
		}
		List<Person> people = this.directory.people(memberIds);
		if (people.size() != memberIds.size() || people.stream().anyMatch((p) -> !p.isStaff())) {
			errors.add(new FieldError(field, "rota.member.notStaff"));
		}
	}

	private static RotaCommand normalised(RotaCommand command) {
		return new RotaCommand(command.name().trim(), command.template(), command.duty(), command.timeZone(),
				command.startsOn(), command.handoverTime(), command.calendarId(), command.groupId(), command.optIn(),
				command.swapApproval(),
				command.positions()
					.stream()
					.map((p) -> new PositionCommand(p.name().trim(), p.stintWeeks(), p.everyWeeks(), p.offsetWeeks(),
							p.memberIds()))
					.toList());
	}

	private String describe(RotaCommand command) {
		StringBuilder text = new StringBuilder(command.name().trim()).append(", ")
			.append(command.template())
			.append(", from ")
			.append(command.startsOn())
			.append(" at ")
			.append(command.handoverTime())
			.append(' ')
			.append(command.timeZone());
		for (PositionCommand position : command.positions()) {
			text.append("; ").append(position.name()).append(": ").append(names(position.memberIds()));
		}
		return text.toString();
	}

	private String names(List<Long> ids) {
		Map<Long, Person> people = this.directory.peopleById(ids);
		return String.join(", ", ids.stream().map((id) -> name(people, id)).toList());
	}

}
