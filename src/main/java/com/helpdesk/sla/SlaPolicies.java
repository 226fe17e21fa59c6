package com.helpdesk.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.helpdesk.calendar.CalendarChanged;
import com.helpdesk.calendar.Calendars;
import com.helpdesk.directory.ClientPlanChanged;
import com.helpdesk.directory.ClientSummary;
import com.helpdesk.directory.Directory;
import com.helpdesk.directory.DirectoryAdmin;
import com.helpdesk.shared.AuditLog;
import com.helpdesk.shared.ConflictException;
import com.helpdesk.shared.InvalidInputException;
import com.helpdesk.shared.InvalidInputException.FieldError;
import com.helpdesk.shared.NotFoundException;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.internal.SlaStore;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans' SLA set-ups: the calendar each plan counts and its targets. Targets keep the
 * time they were in force, and which plan a client was on is kept with the time, so a
 * ticket's clocks can be replayed as they really were; a change makes the open tickets of
 * the clients concerned recompute (the sweep does it in batches).
 */
@Service
@Transactional
public class SlaPolicies {

	private final JdbcClient jdbc;

	private final Directory directory;

	private final DirectoryAdmin directoryAdmin;

	private final Calendars calendars;

	private final SlaStore store;

	private final AuditLog audit;

	private final Clock clock;

	SlaPolicies(JdbcClient jdbc, Directory directory, DirectoryAdmin directoryAdmin, Calendars calendars,
			SlaStore store, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.directoryAdmin = directoryAdmin;
		this.calendars = calendars;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a plan and its SLA set-up together.
	 */
	public long createPlan(PlanCommand command, Long actorId) {
		List<FieldError> errors = new ArrayList<>(
				this.directoryAdmin.problemsWithPlan(command.name(), command.description(), null));
		errors.addAll(problems(command.calendarId(), command.atRiskShare(), command.targets()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		long id = this.directoryAdmin.createPlan(command.name(), command.description(), command.outOfHoursCritical(),
				actorId);
		setUp(id, command.calendarId(), command.atRiskShare(), command.targets(), null, actorId);
		return id;
	}

	/**
	 * Changes a plan and its SLA set-up together; the new targets hold from now.
	 */
	public void updatePlan(long planId, Long expectedVersion, PlanCommand command, Long actorId) {
		this.directory.plan(planId);
		List<FieldError> errors = new ArrayList<>(
				this.directoryAdmin.problemsWithPlan(command.name(), command.description(), planId));
		errors.addAll(problems(command.calendarId(), command.atRiskShare(), command.targets()));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		setUp(planId, command.calendarId(), command.atRiskShare(), command.targets(), expectedVersion, actorId);
		this.directoryAdmin.updatePlan(planId, command.name(), command.description(), command.outOfHoursCritical(),
				actorId);
	}

	/**
	 * Sets a plan's calendar and targets. The first set-up of a plan holds from the
	 * beginning of time (so imported history is measured against it); later ones from
	 * now.
	 * @param expectedVersion the version read, or {@code null} for a plan with no set-up
	 * yet
	 */
	public void setUp(long planId, Long calendarId, double atRiskShare, List<SlaTarget> targets, Long expectedVersion,
			Long actorId) {
		check(calendarId, atRiskShare, targets);
		Optional<PlanSla> current = plan(planId);
		if (current.isPresent() && (expectedVersion == null || current.get().version() != expectedVersion)) {
			throw new ConflictException("conflict.stale");
		}
		Instant now = this.clock.instant();
		Instant from = current.isPresent() ? now : Instant.EPOCH;
		if (current.isEmpty()) {
			this.jdbc.sql("insert into sla_plan (plan_id, calendar_id, at_risk_share) values (?, ?, ?)")
				.params(planId, calendarId, atRiskShare)
				.update();
			this.jdbc.sql("insert into sla_plan_calendar (plan_id, calendar_id, valid_from) values (?, ?, ?)")
				.params(planId, calendarId, Timestamp.from(from))
				.update();
		}
		else {
			if (current.get().calendarId() != calendarId) {
				this.jdbc.sql("update sla_plan_calendar set valid_to = ? where plan_id = ? and valid_to is null")
					.params(Timestamp.from(now), planId)
					.update();
				this.jdbc.sql("insert into sla_plan_calendar (plan_id, calendar_id, valid_from) values (?, ?, ?)")
					.params(planId, calendarId, Timestamp.from(now))
					.update();
			}
			this.jdbc.sql("""
					update sla_plan set calendar_id = ?, at_risk_share = ?, version = version + 1 where plan_id = ?
					""").params(calendarId, atRiskShare, planId).update();
			this.jdbc.sql("update sla_target set valid_to = ? where plan_id = ? and valid_to is null")
				.params(Timestamp.from(now), planId)
				.update();
		}
		for (SlaTarget target : targets) {
			this.jdbc
				.sql("""
						insert into sla_target (plan_id, priority, metric, within_seconds, end_of_business_day, clock, valid_from)
						values (?, ?, ?, ?, ?, ?, ?)
						""")
				.params(planId, target.priority().name(), target.metric().name(),
						(target.within() != null) ? target.within().toSeconds() : null, target.endOfBusinessDay(),
						target.clock().name(), Timestamp.from(from))
				.update();
		}
		this.audit.record(actorId, "PLAN", planId, current.isPresent() ? "SLA_CHANGED" : "SLA_SET",
				"calendar=" + calendarId + ", atRisk=" + atRiskShare + ", targets=" + describe(targets));
		this.store.markStale(clientsOn(planId));
	}

	@Transactional(readOnly = true)
	public Optional<PlanSla> plan(long planId) {
		return this.jdbc.sql("select calendar_id, at_risk_share, version from sla_plan where plan_id = ?")
			.param(planId)
			.query((rs, n) -> new PlanSla(planId, rs.getLong(1), rs.getDouble(2), currentTargets(planId),
					rs.getLong(3)))
			.optional();
	}

	private List<SlaTarget> currentTargets(long planId) {
		return this.jdbc.sql("""
				select priority, metric, within_seconds, end_of_business_day, clock from sla_target
				where plan_id = ? and valid_to is null order by priority, metric
				""").param(planId).query((rs, n) -> {
			Long within = (Long) rs.getObject(3);
			return new SlaTarget(Priority.valueOf(rs.getString(1)), SlaMetric.valueOf(rs.getString(2)),
					(within != null) ? Duration.ofSeconds(within) : null, rs.getBoolean(4),
					SlaClock.valueOf(rs.getString(5)));
		}).list();
	}

	/**
	 * Keeps which plan each client is on, with the time, and recomputes its open tickets
	 * when it moves.
	 */
	@EventListener
	void on(ClientPlanChanged event) {
		Timestamp at = Timestamp.from(event.created() ? Instant.EPOCH : event.at());
		this.jdbc.sql("update sla_client_plan set valid_to = ? where client_id = ? and valid_to is null")
			.params(at, event.clientId())
			.update();
		this.jdbc.sql("insert into sla_client_plan (client_id, plan_id, valid_from) values (?, ?, ?)")
			.params(event.clientId(), event.planId(), at)
			.update();
		this.store.markStale(List.of(event.clientId()));
	}

	/**
	 * A calendar changed: the open tickets counted in it are recomputed by the next
	 * sweep.
	 */
	@EventListener
	void on(CalendarChanged event) {
		this.store.markStaleOnCalendar(event.calendarId());
	}

	private List<Long> clientsOn(long planId) {
		return this.directory.clients().stream().filter((c) -> c.planId() == planId).map(ClientSummary::id).toList();
	}

	private void check(Long calendarId, double atRiskShare, List<SlaTarget> targets) {
		List<FieldError> errors = problems(calendarId, atRiskShare, targets);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private List<FieldError> problems(Long calendarId, double atRiskShare, List<SlaTarget> targets) {
		List<FieldError> errors = new ArrayList<>();
		if (calendarId == null) {
			errors.add(new FieldError("calendar", "plan.calendar.required"));
		}
		else {
			try {
				this.calendars.get(calendarId);
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("calendar", "plan.calendar.required"));
			}
		}
		if (!(atRiskShare > 0 && atRiskShare < 1)) {
			errors.add(new FieldError("atRiskShare", "plan.atRisk.invalid"));
		}
		Set<String> seen = new HashSet<>();
		for (SlaTarget target : (targets != null) ? targets : List.<SlaTarget>of()) {
			if (!seen.add(target.priority() + "/" + target.metric())) {
				errors.add(new FieldError("targets", "plan.targets.twice"));
				break;
			}
		}
		return errors;
	}

	private static String describe(List<SlaTarget> targets) {
		StringBuilder text = new StringBuilder();
		for (SlaTarget target : targets) {
			text.append(target.priority())
				.append('/')
				.append(target.metric())
				.append('=')
				.append(target.withinText())
				.append(' ')
				.append(target.clock())
				.append("; ");
		}
		return text.toString();
	}

}
