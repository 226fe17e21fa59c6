package com.helpdesk.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.helpdesk.delivery.internal.FeatureStore;
import com.helpdesk.delivery.internal.RequestStore;
import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.Person;
import com.helpdesk.directory.Role;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.sla.SlaService;
import com.helpdesk.shared.TextRules;
import com.helpdesk.ticket.TicketEvents.TicketCreated;
import com.helpdesk.ticket.TicketQueries;
import com.helpdesk.ticket.TicketService;
import com.helpdesk.ticket.TicketStatus;
import com.helpdesk.ticket.TicketSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-depth work from intake to delivery: application deployments and development support
 * reach a delivery manager first, who scopes them, then schedules, declines or delivers
 * them, and the requester is told each time in a public reply.
 */
@Service
@Transactional
public class DeliveryRequests {

	private static final int TEXT_MAX = 20_000;

	private static final int REASON_MAX = 2_000;

	private static final BigDecimal MAX_ESTIMATE = BigDecimal.valueOf(200);

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private final RequestStore store;

	private final FeatureStore features;

	private final DeliveryTeams teams;

	private final TicketService tickets;

	private final TicketQueries ticketQueries;

	private final Directory directory;

	private final PeriodNames periodNames;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SlaService sla;

	DeliveryRequests(RequestStore store, FeatureStore features, DeliveryTeams teams, TicketService tickets,
			TicketQueries ticketQueries, Directory directory, PeriodNames periodNames, AuditLog audit,
			MessageSource messages, JdbcClient jdbc, Clock clock, SlaService sla) {
		this.sla = sla;
		this.store = store;
		this.features = features;
		this.teams = teams;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.directory = directory;
		this.periodNames = periodNames;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Whether someone may scope, schedule and close in-depth work.
	 */
	public static boolean plans(Person person) {
		return person.role() == Role.DELIVERY_MANAGER || person.role() == Role.MANAGER || person.role() == Role.ADMIN;
	}

	/**
	 * Runs before other modules' routing, so in-depth work is with its manager before
	 * anyone hands new tickets round.
	 */
	@EventListener
	@Order(0)
	void on(TicketCreated created) {
		if (created.type().isInDepthWork()) {
			intake(created.ticketId(), created.clientId(), null, text("delivery.intake.reason"));
		}
	}

	/**
	 * An agent says a ticket is in-depth work: it goes to its delivery manager's intake.
	 * A ticket whose earlier request was closed (declined, say) and that was reopened
	 * goes again as a new request; the earlier one stays as it was decided.
	 */
	public long send(Person actor, long ticketId, String reason) {
		if (!actor.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		String why = strip(reason);
		if (why == null) {
			throw new InvalidInputException("reason", "delivery.send.reason.required");
		}
		TextRules.requireText("reason", why, REASON_MAX, "delivery.reason.tooLong");
		TicketSummary ticket = this.ticketQueries.summary(ticketId);
		if (this.store.findOpenByTicket(ticketId).isPresent()) {
			throw new ConflictException("delivery.send.already");
		}
		if (ticket.status() == TicketStatus.SOLVED) {
			throw new ConflictException("delivery.send.solved");
		}
		return intake(ticketId, ticket.clientId(), actor, why)
			.orElseThrow(() -> new ConflictException("delivery.send.noTeam"));
	}

	private Optional<Long> intake(long ticketId, long clientId, Person sender, String reason) {
		ClientSummary client = this.directory.client(clientId);
		Optional<DeliveryTeam> team = this.teams.forManager(client.deliveryManagerId());
		if (team.isEmpty() || this.store.findOpenByTicket(ticketId).isPresent()) {
			return Optional.empty();
		}
		// the client's named manager if they can still plan, else the team's
		Optional<Person> named = planner(client.deliveryManagerId());
		Optional<Person> chosen = named.isPresent() ? named : planner(team.get().deliveryManagerId());
		if (chosen.isEmpty()) {
			return Optional.empty();
		}
		Person managerPerson = chosen.get();
		long manager = managerPerson.id();
		String desired = this.ticketQueries.ticket(managerPerson, ticketId).details().desiredOutcome();
		long id = this.store.insert(ticketId, team.get().id(), manager, desired, (sender != null) ? sender.id() : null,
				(sender != null) ? reason : null, this.clock.instant());
		this.tickets.sendTo((sender != null) ? sender.id() : null, ticketId, team.get().intakeGroupId(), manager,
				reason);
		this.audit.record((sender != null) ? sender.id() : null, "DELIVERY_REQUEST", id, "INTAKE",
				"ticket " + ticketId + " to " + managerPerson.name() + ": " + reason);
		return Optional.of(id);
	}

	private Optional<Person> planner(Long personId) {
		if (personId == null) {
			return Optional.empty();
		}
		return this.directory.findPerson(personId)
			.filter(DeliveryRequests::plans)
			.filter((person) -> this.directory.user(person.id()).enabled());
	}

	/**
	 * The delivery manager's scoping: desired outcome, estimate, meeting, dependencies.
	 * Scheduled work keeps an estimate, and a new one may not push its week past its free
	 * days unless it was planned over capacity with a reason.
	 */
	public void scope(Person actor, long requestId, long version, ScopeCommand command) {
		requirePlanner(actor);
		DeliveryRequest request = get(requestId);
		if (!request.state().isOpen()) {
			throw new ConflictException("delivery.closed");
		}
		List<FieldError> errors = new ArrayList<>();
		String desired = strip(command.desiredOutcome());
		TextRules.text(errors, "desiredOutcome", desired, TEXT_MAX, "request.tooLong.20000");
		BigDecimal estimate = command.estimateDays();
		if (estimate != null && (estimate.signum() <= 0 || estimate.compareTo(MAX_ESTIMATE) > 0
				|| estimate.remainder(HALF).signum() != 0)) {
			errors.add(new FieldError("estimateDays", "delivery.estimate.invalid"));
		}
		if (command.meetingNeeded() && command.meetingAt() == null) {
			errors.add(new FieldError("meetingAt", "delivery.meeting.required"));
		}
		String dependencies = strip(command.dependencies());
		TextRules.text(errors, "dependencies", dependencies, REASON_MAX, "delivery.reason.tooLong");
		if (errors.isEmpty() && request.state() == DeliveryState.SCHEDULED) {
			lockTeam(request.teamId());
			DeliveryTeam team = this.teams.get(request.teamId());
			if (estimate == null) {
				errors.add(new FieldError("estimateDays", "delivery.estimate.keep"));
			}
			else if (request.overcommitReason() == null && estimate.compareTo(request.estimateDays()) > 0
					&& estimate.compareTo(free(team, team.cadence().periodOf(request.periodStart()), requestId)) > 0) {
				errors.add(new FieldError("estimateDays", "delivery.estimate.overcommit"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Instant meetingAt = (command.meetingNeeded() && command.meetingAt() != null)
				? command.meetingAt().atZone(actor.zone()).toInstant() : null;
		if (!this.store.scope(requestId, version, desired, estimate, command.meetingNeeded(), meetingAt, dependencies,
				this.clock.instant())) {
			throw new ConflictException("conflict.stale");
		}
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "SCOPED",
				"estimate " + estimate + " days, meeting " + (command.meetingNeeded() ? meetingAt : "not needed")
						+ ", dependencies " + dependencies);
	}

	/**
	 * Accepts work into a week or sprint, or moves it to another; planning past the
	 * period's free capacity needs a reason. The requester is told the period.
	 */
	public void schedule(Person actor, long requestId, long version, LocalDate periodStart, String overcommitReason) {
		requirePlanner(actor);
		DeliveryRequest request = locked(requestId);
		if (!request.state().isOpen()) {
			throw new ConflictException("delivery.closed");
		}
		if (request.version() != version) {
			throw new ConflictException("conflict.stale");
		}
		DeliveryTeam team = this.teams.get(request.teamId());
		List<FieldError> errors = new ArrayList<>();
		if (request.estimateDays() == null) {
			errors.add(new FieldError("period", "delivery.schedule.estimateFirst"));
		}
		PlanningPeriod period = null;
		if (periodStart == null || !team.cadence().startsOn(periodStart)) {
			errors.add(new FieldError("period", "delivery.schedule.period.required"));
		}
		else {
			period = team.cadence().periodOf(periodStart);
			if (!period.end().isAfter(this.teams.today(team))) {
				errors.add(new FieldError("period", "delivery.schedule.period.past"));
			}
		}
		String reason = strip(overcommitReason);
		TextRules.text(errors, "overcommitReason", reason, REASON_MAX, "delivery.reason.tooLong");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (request.state() == DeliveryState.SCHEDULED && period.start().equals(request.periodStart())) {
			return;
		}
		BigDecimal free = free(team, period, request.id());
		boolean over = request.estimateDays().compareTo(free) > 0;
		if (over && reason == null) {
			throw new InvalidInputException("overcommitReason", "delivery.schedule.overcommit.reason");
		}
		Instant now = this.clock.instant();
		if (!this.store.plan(requestId, version, period.start(), this.store.nextRank(team.id(), period.start()),
				over ? reason : null, now)) {
			throw new ConflictException("conflict.stale");
		}
		String named = this.periodNames.name(team.cadence(), period);
		String notice;
		if (request.state() == DeliveryState.INTAKE) {
			notice = text("delivery.notice.scheduled", named);
			this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "SCHEDULED",
					period.start() + (over ? ", over capacity: " + reason : ""));
		}
		else {
			notice = text("delivery.notice.moved", this.periodNames.planned(team, request.periodStart()), named);
			this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "MOVED",
					request.periodStart() + " to " + period.start() + (over ? ", over capacity: " + reason : ""));
		}
		this.tickets.reply(actor, request.ticketId(), null, notice, null, List.of());
		this.sla.planned(request.ticketId(), period.start());
	}

	/**
	 * Takes scheduled work off the plan, back to the intake to be scheduled again; the
	 * requester is told, and the ticket's resolution clock runs again.
	 */
	public void unschedule(Person actor, long requestId, long version) {
		requirePlanner(actor);
		DeliveryRequest request = locked(requestId);
		if (request.state() != DeliveryState.SCHEDULED) {
			throw new ConflictException("delivery.notScheduled");
		}
		if (request.version() != version || !this.store.unplan(requestId, version, this.clock.instant())) {
			throw new ConflictException("conflict.stale");
		}
		DeliveryTeam team = this.teams.get(request.teamId());
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "UNSCHEDULED",
				"off the plan of " + request.periodStart());
		this.tickets.reply(actor, request.ticketId(), null,
				text("delivery.notice.unscheduled", this.periodNames.planned(team, request.periodStart())), null,
				List.of());
		this.sla.unplanned(request.ticketId());
	}

	/**
	 * Moves scheduled work one place earlier or later in its period.
	 */
	public void reorder(Person actor, long requestId, long version, boolean earlier) {
		requirePlanner(actor);
		DeliveryRequest request = locked(requestId);
		if (request.state() != DeliveryState.SCHEDULED) {
			throw new ConflictException("delivery.notScheduled");
		}
		if (request.version() != version) {
			throw new ConflictException("conflict.stale");
		}
		List<DeliveryRequest> period = this.store.planned(request.teamId(), request.periodStart(),
				request.periodStart().plusDays(1));
		int index = -1;
		for (int i = 0; i < period.size(); i++) {
			if (period.get(i).id() == requestId) {
				index = i;
			}
		}
		int other = earlier ? index - 1 : index + 1;
		if (index < 0 || other < 0 || other >= period.size()) {
			return;
		}
		Instant now = this.clock.instant();
		// ranks are renumbered 1..n in the new order, so equal or missing ranks sort out
		List<DeliveryRequest> order = new ArrayList<>(period);
		order.set(index, period.get(other));
		order.set(other, period.get(index));
		for (int i = 0; i < order.size(); i++) {
			DeliveryRequest item = order.get(i);
			if (item.rank() == null || item.rank() != i + 1) {
				if (!this.store.rank(item.id(), item.version(), i + 1, now)) {
					throw new ConflictException("conflict.stale");
				}
			}
		}
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "REORDERED",
				(earlier ? "earlier" : "later") + " in " + request.periodStart());
	}

	/**
	 * Declines work with a reason the requester is told; the ticket is solved.
	 */
	public void decline(Person actor, long requestId, long version, String reason) {
		requirePlanner(actor);
		if (!get(requestId).state().isOpen()) {
			throw new ConflictException("delivery.closed");
		}
		String why = strip(reason);
		if (why == null) {
			throw new InvalidInputException("declineReason", "delivery.decline.reason.required");
		}
		TextRules.requireText("declineReason", why, REASON_MAX, "delivery.reason.tooLong");
		DeliveryRequest request = close(requestId, version, DeliveryState.DECLINED, why, null);
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "DECLINED", why);
		this.tickets.reply(actor, request.ticketId(), null, text("delivery.notice.declined", why), TicketStatus.SOLVED,
				List.of());
		offThePlan(request);
	}

	/**
	 * Closes delivered work from the board with a public note to the requester.
	 */
	public void deliver(Person actor, long requestId, long version, String note) {
		requirePlanner(actor);
		DeliveryRequest request = get(requestId);
		if (request.state() != DeliveryState.SCHEDULED) {
			throw new ConflictException("delivery.notScheduled");
		}
		String text = strip(note);
		if (text == null) {
			throw new InvalidInputException("note", "delivery.deliver.note.required");
		}
		TextRules.requireText("note", text, TEXT_MAX, "request.tooLong.20000");
		close(requestId, version, DeliveryState.DELIVERED, text, null);
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "DELIVERED", text);
		this.tickets.reply(actor, request.ticketId(), null, text, TicketStatus.SOLVED, List.of());
		offThePlan(request);
	}

	/**
	 * Moves a request that turned out to be a feature request to the backlog: onto an
	 * item already there, or a new one with the given title. The requester is told and
	 * the ticket is solved; the ticket and the item link to each other.
	 */
	public long toBacklog(Person actor, long requestId, long version, Long featureId, String title) {
		requirePlanner(actor);
		if (!get(requestId).state().isOpen()) {
			throw new ConflictException("delivery.closed");
		}
		String name = strip(title);
		FeatureRequest feature = null;
		if (featureId != null) {
			feature = this.features.find(featureId).filter((f) -> f.mergedInto() == null).orElse(null);
			if (feature == null) {
				throw new InvalidInputException("featureId", "delivery.backlog.unknown");
			}
		}
		else if (name == null) {
			throw new InvalidInputException("featureTitle", "delivery.backlog.title.required");
		}
		else {
			TextRules.requireLine("featureTitle", name, 200, "delivery.backlog.title.tooLong");
		}
		DeliveryRequest request = get(requestId);
		long id = (feature != null) ? feature.id()
				: this.features.insert(name, request.desiredOutcome(), actor.id(), this.clock.instant());
		String itemTitle = (feature != null) ? feature.title() : name;
		close(requestId, version, DeliveryState.BACKLOG, null, id);
		this.audit.record(actor.id(), "DELIVERY_REQUEST", requestId, "BACKLOG",
				"feature request " + id + ": " + itemTitle);
		this.tickets.reply(actor, request.ticketId(), null, text("delivery.notice.backlog", itemTitle),
				TicketStatus.SOLVED, List.of());
		offThePlan(request);
		return id;
	}

	/**
	 * Merges a duplicate backlog item into another, so the one left counts every request
	 * and client that asked for either.
	 */
	public void mergeFeature(Person actor, long duplicateId, long version, Long intoId) {
		requirePlanner(actor);
		FeatureRequest duplicate = this.features.find(duplicateId)
			.orElseThrow(() -> new NotFoundException("feature request", duplicateId));
		FeatureRequest into = (intoId != null) ? this.features.find(intoId).orElse(null) : null;
		if (into == null || into.id() == duplicateId || into.mergedInto() != null) {
			throw new InvalidInputException("intoId", "delivery.backlog.mergeInto.required");
		}
		if (duplicate.mergedInto() != null || !this.features.merge(duplicateId, version, into.id())) {
			throw new ConflictException("conflict.stale");
		}
		this.audit.record(actor.id(), "FEATURE_REQUEST", duplicateId, "MERGED",
				"\"" + duplicate.title() + "\" into " + into.id() + " \"" + into.title() + "\"");
	}

	/**
	 * Work closed from the plan no longer holds its ticket's resolution clock, so a
	 * reopened ticket counts again; told after the ticket is solved, so the clock stops
	 * first.
	 */
	private void offThePlan(DeliveryRequest request) {
		if (request.state() == DeliveryState.SCHEDULED) {
			this.sla.unplanned(request.ticketId());
		}
	}

	private DeliveryRequest close(long requestId, long version, DeliveryState state, String note,
			Long featureRequestId) {
		DeliveryRequest request = get(requestId);
		if (!request.state().isOpen()) {
			throw new ConflictException("delivery.closed");
		}
		if (!this.store.close(requestId, version, state, note, featureRequestId, this.clock.instant())) {
			throw new ConflictException("conflict.stale");
		}
		return request;
	}

	@Transactional(readOnly = true)
	public DeliveryRequest get(long id) {
		return this.store.find(id).orElseThrow(() -> new NotFoundException("delivery request", id));
	}

	/**
	 * The tickets whose work is scheduled: the requester has been told its week.
	 */
	@Transactional(readOnly = true)
	public List<Long> scheduledTicketIds() {
		return this.store.scheduledTicketIds();
	}

	@Transactional(readOnly = true)
	public Optional<DeliveryRequest> forTicket(long ticketId) {
		return this.store.findByTicket(ticketId);
	}

	/**
	 * Days still free in a period for planned work, not counting one request.
	 */
	@Transactional(readOnly = true)
	public BigDecimal free(DeliveryTeam team, PlanningPeriod period, long exceptRequestId) {
		PeriodCapacity capacity = this.teams.capacity(team, List.of(period)).get(0);
		BigDecimal used = DeliveryRequest.daysPlanned(
				this.store.planned(team.id(), period.start(), period.start().plusDays(1)), period.start(),
				exceptRequestId);
		return capacity.plannableDays().subtract(used);
	}

	/**
	 * A request read again once its team is locked, so what is checked is what is
	 * changed.
	 */
	private DeliveryRequest locked(long requestId) {
		lockTeam(get(requestId).teamId());
		return get(requestId);
	}

	/**
	 * Scheduling and reordering in a team take turns, so two managers cannot both fill
	 * the last free days of a week.
	 */
	private void lockTeam(long teamId) {
		this.jdbc.sql("select id from delivery_team where id = ? for update").param(teamId).query(Long.class).list();
	}

	private static void requirePlanner(Person actor) {
		if (!plans(actor)) {
			throw new AccessDeniedException("delivery managers, managers and administrators only");
		}
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, Locale.UK);
	}

	private static String strip(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
