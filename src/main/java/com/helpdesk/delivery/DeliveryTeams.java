package com.helpdesk.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.delivery.internal.RequestStore;
import com.helpdesk.delivery.internal.TeamStore;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.rota.Leave;
import com.helpdesk.rota.Leaves;
import com.helpdesk.rota.Rota;
import com.helpdesk.rota.Rotas;
import com.helpdesk.rota.Shift;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.TextRules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery teams and what they can take on: their capacity in each week or sprint, from
 * their people less rota duties, leave and the reserve for unplanned support.
 */
@Service
@Transactional
public class DeliveryTeams {

	private final TeamStore store;

	private final RequestStore requests;

	private final Calendars calendars;

	private final Rotas rotas;

	private final Leaves leaves;

	private final Directory directory;

	private final AuditLog audit;

	private final Clock clock;

	DeliveryTeams(TeamStore store, RequestStore requests, Calendars calendars, Rotas rotas, Leaves leaves,
			Directory directory, AuditLog audit, Clock clock) {
		this.store = store;
		this.requests = requests;
		this.calendars = calendars;
		this.rotas = rotas;
		this.leaves = leaves;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	public long create(TeamCommand command, Long actorId) {
		check(command, null);
		long id = this.store.insert(command, this.clock.instant());
		this.audit.record(actorId, "DELIVERY_TEAM", id, "CREATED", describe(command));
		return id;
	}

	public void change(long id, long version, TeamCommand command, Long actorId) {
		get(id);
		check(command, id);
		// planned work stays in the weeks or sprints the requesters were told
		Cadence cadence = new Cadence(command.periodWeeks(), command.periodsStartOn());
		if (this.requests.scheduledPeriods(id).stream().anyMatch((start) -> !cadence.startsOn(start))) {
			throw new InvalidInputException("periodsStartOn", "delivery.team.cadence.inUse");
		}
		if (!this.store.update(id, version, command)) {
			throw new ConflictException("conflict.stale");
		}
		this.audit.record(actorId, "DELIVERY_TEAM", id, "UPDATED", describe(command));
	}

	@Transactional(readOnly = true)
	public DeliveryTeam get(long id) {
		return this.store.find(id).orElseThrow(() -> new NotFoundException("delivery team", id));
	}

	@Transactional(readOnly = true)
	public List<DeliveryTeam> list() {
		return this.store.all();
	}

	/**
	 * The team a client's requests go to: the one its named delivery manager runs, else
	 * the default team.
	 */
	@Transactional(readOnly = true)
	public Optional<DeliveryTeam> forManager(Long deliveryManagerId) {
		List<DeliveryTeam> teams = this.store.all();
		return teams.stream()
			.filter((team) -> deliveryManagerId != null && team.deliveryManagerId() == deliveryManagerId)
			.findFirst()
			.or(() -> teams.stream().filter(DeliveryTeam::defaultTeam).findFirst())
			.or(() -> (teams.size() == 1) ? Optional.of(teams.get(0)) : Optional.empty());
	}

	/**
	 * The team's local date today.
	 */
	@Transactional(readOnly = true)
	public LocalDate today(DeliveryTeam team) {
		return LocalDate.now(this.clock.withZone(calendar(team).zone()));
	}

	@Transactional(readOnly = true)
	public BusinessCalendar calendar(DeliveryTeam team) {
		return this.calendars.businessCalendar(team.calendarId());
	}

	/**
	 * The team's capacity in each period, reading rotas, leave and the calendar once.
	 */
	@Transactional(readOnly = true)
	public List<PeriodCapacity> capacity(DeliveryTeam team, List<PlanningPeriod> periods) {
		if (periods.isEmpty()) {
			return List.of();
		}
		BusinessCalendar calendar = calendar(team);
		Instant from = periods.get(0).startIn(calendar.zone());
		Instant to = periods.get(periods.size() - 1).endIn(calendar.zone());
		Set<Long> members = new HashSet<>(team.memberIds());
		Map<Long, List<Away>> away = new HashMap<>();
		for (Rota rota : this.rotas.list()) {
			if (!team.rotaIds().contains(rota.id())) {
				continue;
			}
			for (Shift shift : rota.shifts(from, to)) {
				if (members.contains(shift.personId())) {
					away.computeIfAbsent(shift.personId(), (k) -> new ArrayList<>())
						.add(new Away(shift.start(), shift.end(), Away.Reason.DUTY, rota.name()));
				}
			}
		}
		for (Map.Entry<Long, List<Leave>> entry : this.leaves.during(members, from, to).entrySet()) {
			for (Leave leave : entry.getValue()) {
				away.computeIfAbsent(entry.getKey(), (k) -> new ArrayList<>())
					.add(new Away(leave.start(), leave.end(), Away.Reason.LEAVE,
							(leave.note() != null && !leave.note().isBlank()) ? leave.note() : "Leave"));
			}
		}
		return periods.stream()
			.map((period) -> Capacity.of(period, calendar, team.memberIds(), away, team.reservePercent()))
			.toList();
	}

	private void check(TeamCommand command, Long id) {
		List<FieldError> errors = new ArrayList<>();
		if (command.name() == null || command.name().isBlank()) {
			errors.add(new FieldError("name", "delivery.team.name.required"));
		}
		else if (TextRules.line(errors, "name", command.name().strip(), 120, "delivery.team.name.tooLong")
				&& this.store.nameTaken(command.name().strip(), id)) {
			errors.add(new FieldError("name", "delivery.team.name.taken"));
		}
		if (command.calendarId() == null
				|| this.calendars.list().stream().noneMatch((calendar) -> calendar.id() == command.calendarId())) {
			errors.add(new FieldError("calendarId", "delivery.team.calendar.required"));
		}
		if (command.deliveryManagerId() == null
				|| this.directory.findPerson(command.deliveryManagerId()).filter(DeliveryRequests::plans).isEmpty()) {
			errors.add(new FieldError("deliveryManagerId", "delivery.team.manager.required"));
		}
		if (command.intakeGroupId() != null
				&& this.directory.groups().stream().noneMatch((group) -> group.id() == command.intakeGroupId())) {
			errors.add(new FieldError("intakeGroupId", "delivery.team.group.unknown"));
		}
		if (command.reservePercent() == null || command.reservePercent() < 0 || command.reservePercent() > 90) {
			errors.add(new FieldError("reservePercent", "delivery.team.reserve.range"));
		}
		if (command.periodWeeks() == null || (command.periodWeeks() != 1 && command.periodWeeks() != 2)) {
			errors.add(new FieldError("periodWeeks", "delivery.team.periodWeeks.invalid"));
		}
		if (command.periodsStartOn() == null) {
			errors.add(new FieldError("periodsStartOn", "delivery.team.periodsStartOn.required"));
		}
		List<Long> staff = this.directory.people(command.memberIds())
			.stream()
			.filter(Person::isStaff)
			.map(Person::id)
			.toList();
		if (staff.size() != new HashSet<>(command.memberIds()).size()) {
			errors.add(new FieldError("memberIds", "delivery.team.members.unknown"));
		}
		Set<Long> rotaIds = new HashSet<>();
		this.rotas.list().forEach((rota) -> rotaIds.add(rota.id()));
		if (!rotaIds.containsAll(command.rotaIds())) {
			errors.add(new FieldError("rotaIds", "delivery.team.rotas.unknown"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static String describe(TeamCommand command) {
		return command.name() + ": manager " + command.deliveryManagerId() + ", reserve " + command.reservePercent()
				+ "%, " + command.periodWeeks() + "-week periods from " + command.periodsStartOn() + ", members "
				+ command.memberIds() + ", rotas " + command.rotaIds();
	}

}
