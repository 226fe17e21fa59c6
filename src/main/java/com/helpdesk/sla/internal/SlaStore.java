package com.helpdesk.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaInput;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaOutcome;
import com.helpdesk.sla.SlaState;
import com.helpdesk.sla.SlaSummary;
import com.helpdesk.sla.SlaTicket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA tables: each ticket's inputs, its facts and what the replay made of them.
 */
@Component
public class SlaStore {

	private final JdbcClient jdbc;

	SlaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void append(long ticketId, List<SlaInput> inputs) {
		for (SlaInput input : inputs) {
			this.jdbc.sql("insert into sla_input (ticket_id, at, kind, priority, planned_for) values (?, ?, ?, ?, ?)")
				.params(ticketId, Timestamp.from(input.at()), input.kind().name(),
						(input.priority() != null) ? input.priority().name() : null, input.plannedFor())
				.update();
		}
	}

	public List<SlaInput> inputs(long ticketId) {
		return this.jdbc.sql("select at, kind, priority, planned_for from sla_input where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, n) -> new SlaInput(rs.getTimestamp(1).toInstant(), SlaInput.Kind.valueOf(rs.getString(2)),
					(rs.getString(3) != null) ? Priority.valueOf(rs.getString(3)) : null,
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	public void saveFacts(SlaTicket facts) {
		this.jdbc.sql("""
				insert into sla_ticket (ticket_id, client_id, priority, type, group_id, assignee_id, solved, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (ticket_id) do update set client_id = excluded.client_id, priority = excluded.priority,
				    type = excluded.type, group_id = excluded.group_id, assignee_id = excluded.assignee_id,
				    solved = excluded.solved
				""")
			.params(facts.ticketId(), facts.clientId(), facts.priority().name(), facts.type(), facts.groupId(),
					facts.assigneeId(), facts.solved(), Timestamp.from(facts.createdAt()))
			.update();
	}

	/**
	 * Whether the ticket has clocks, locking its row until the transaction ends so that
	 * inputs added meanwhile by another change wait their turn.
	 */
	public boolean lock(long ticketId) {
		return this.jdbc.sql("select ticket_id from sla_ticket where ticket_id = ? for update")
			.param(ticketId)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	public Optional<SlaTicket> facts(long ticketId) {
		return this.jdbc.sql("""
				select ticket_id, client_id, priority, type, group_id, assignee_id, solved, created_at
				from sla_ticket where ticket_id = ?
				""")
			.param(ticketId)
			.query((rs, n) -> new SlaTicket(rs.getLong(1), rs.getLong(2), Priority.valueOf(rs.getString(3)),
					rs.getString(4), (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getBoolean(7),
					rs.getTimestamp(8).toInstant()))
			.optional();
	}

	/**
	 * Stores the replay's outcome: one row per metric (who held the ticket at a breach is
	 * kept from the first time it was seen), and the ticket's next due time.
	 */
	public void save(SlaTicket facts, Long planId, List<SlaOutcome> outcomes, Instant now) {
		long ticketId = facts.ticketId();
		for (SlaOutcome o : outcomes) {
			this.jdbc.sql("""
					insert into sla_metric (ticket_id, metric, cycle, state, target, clock, target_seconds, started_at,
					    due_at, at_risk_at, fulfilled_at, breached_at, used_seconds, paused_seconds, client_id, plan_id,
					    priority, type, group_id, assignee_id, breach_assignee_id, breach_group_id)
					values (:ticket, :metric, :cycle, :state, :target, :clock, :targetSeconds, :started, :due, :risk,
					    :fulfilled, :breached, :used, :paused, :client, :plan, :priority, :type, :group, :assignee,
					    :breachAssignee, :breachGroup)
					on conflict (ticket_id, metric, cycle) do update set state = excluded.state,
					    target = excluded.target, clock = excluded.clock, target_seconds = excluded.target_seconds,
					    started_at = excluded.started_at, due_at = excluded.due_at, at_risk_at = excluded.at_risk_at,
					    fulfilled_at = excluded.fulfilled_at, breached_at = excluded.breached_at,
					    used_seconds = excluded.used_seconds, paused_seconds = excluded.paused_seconds,
					    client_id = excluded.client_id, plan_id = excluded.plan_id, priority = excluded.priority,
					    type = excluded.type, group_id = excluded.group_id, assignee_id = excluded.assignee_id,
					    breach_assignee_id = case when excluded.breached_at is null then null
					        else coalesce(sla_metric.breach_assignee_id, excluded.breach_assignee_id) end,
					    breach_group_id = case when excluded.breached_at is null then null
					        else coalesce(sla_metric.breach_group_id, excluded.breach_group_id) end
					""")
				.param("ticket", ticketId)
				.param("metric", o.metric().name())
				.param("cycle", o.cycle())
				.param("state", o.state().name())
				.param("target", o.target().withinText())
				.param("clock", o.target().clock().name())
				.param("targetSeconds", o.targetTime().toSeconds())
				.param("started", Timestamp.from(o.startedAt()))
				.param("due", timestamp(o.dueAt()))
				.param("risk", timestamp(o.atRiskAt()))
				.param("fulfilled", timestamp(o.fulfilledAt()))
				.param("breached", timestamp(o.breachedAt()))
				.param("used", o.used().toSeconds())
				.param("paused", o.pausedFor().toSeconds())
				.param("client", facts.clientId())
				.param("plan", planId)
				.param("priority", facts.priority().name())
				.param("type", facts.type())
				.param("group", facts.groupId())
				.param("assignee", facts.assigneeId())
				.param("breachAssignee", (o.breachedAt() != null) ? facts.assigneeId() : null)
				.param("breachGroup", (o.breachedAt() != null) ? facts.groupId() : null)
				.update();
		}
		// metrics the history no longer gives (a target removed) go
		List<String> keep = outcomes.stream().map((o) -> o.metric().name() + ":" + o.cycle()).toList();
		this.jdbc.sql("delete from sla_metric where ticket_id = :ticket and not (metric || ':' || cycle = any(:keep))")
			.param("ticket", ticketId)
			.param("keep", keep.toArray(String[]::new))
			.update();

		SlaOutcome next = outcomes.stream()
			.filter((o) -> o.state() == SlaState.ACTIVE && o.dueAt() != null)
			.min(Comparator.comparing(SlaOutcome::dueAt))
			.orElse(null);
		Instant risk = outcomes.stream()
			.filter((o) -> o.state() == SlaState.ACTIVE && o.atRiskAt() != null)
			.map(SlaOutcome::atRiskAt)
			.min(Comparator.naturalOrder())
			.orElse(null);
		boolean breached = outcomes.stream().anyMatch((o) -> o.state() == SlaState.BREACHED && o.fulfilledAt() == null);
		this.jdbc.sql("""
				update sla_ticket set next_due_at = ?, next_due_metric = ?, at_risk_at = ?, breached = ?, stale = false,
				    computed_at = ?
				where ticket_id = ?
				""")
			.params((next != null) ? Timestamp.from(next.dueAt()) : null, (next != null) ? next.metric().name() : null,
					timestamp(risk), breached, Timestamp.from(now), ticketId)
			.update();
	}

	/**
	 * Records the ticket's breaches up to {@code now} as already given notice of, so the
	 * sweep never announces them.
	 */
	public void settleBreachesBefore(long ticketId, Instant now) {
		this.jdbc.sql("""
				insert into sla_notice (ticket_id, metric, cycle, kind, at)
				select ticket_id, metric, cycle, 'BREACHED', ? from sla_metric
				where ticket_id = ? and breached_at is not null and breached_at <= ?
				on conflict do nothing
				""").params(Timestamp.from(now), ticketId, Timestamp.from(now)).update();
	}

	public Map<Long, SlaSummary> summaries(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return Map.of();
		}
		// the earliest breach not made good, read with the clocks' summary in one
		// statement (a few index probes per row through sla_metric's unique key)
		return this.jdbc.sql("""
				select s.ticket_id, s.next_due_at, s.next_due_metric, s.at_risk_at, s.breached,
				       b.metric as breached_metric, b.breached_at
				from sla_ticket s
				left join lateral (
				    select m.metric, m.breached_at from sla_metric m
				    where s.breached and m.ticket_id = s.ticket_id and m.state = 'BREACHED' and m.fulfilled_at is null
				    order by m.breached_at limit 1) b on true
				where s.ticket_id = any(?)
				""")
			.param(ticketIds.toArray(Long[]::new))
			.query(SlaStore::summary)
			.list()
			.stream()
			.collect(Collectors.toMap(SlaSummary::ticketId, Function.identity()));
	}

	/**
	 * Marks every open ticket of these clients (or on these plans) to be replayed by the
	 * sweep, after a plan or its targets changed.
	 */
	public int markStale(Collection<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("update sla_ticket set stale = true where not solved and client_id = any(?)")
			.param(clientIds.toArray(Long[]::new))
			.update();
	}

	/**
	 * Marks for recomputing the open tickets of every client that was ever on a plan that
	 * ever counted in this calendar.
	 */
	public int markStaleOnCalendar(long calendarId) {
		return this.jdbc.sql("""
				update sla_ticket set stale = true where not solved and client_id in (
				    select cp.client_id from sla_client_plan cp
				    join sla_plan_calendar pc on pc.plan_id = cp.plan_id where pc.calendar_id = ?)
				""").param(calendarId).update();
	}

	public List<Long> stale(int limit) {
		return this.jdbc.sql("select ticket_id from sla_ticket where stale order by ticket_id limit ?")
			.param(limit)
			.query(Long.class)
			.list();
	}

	static SlaSummary summary(ResultSet rs, int n) throws SQLException {
		String metric = rs.getString("next_due_metric");
		String breachedMetric = rs.getString("breached_metric");
		return new SlaSummary(rs.getLong("ticket_id"), instant(rs.getTimestamp("next_due_at")),
				(metric != null) ? SlaMetric.valueOf(metric) : null, instant(rs.getTimestamp("at_risk_at")),
				rs.getBoolean("breached"), (breachedMetric != null) ? SlaMetric.valueOf(breachedMetric) : null,
				instant(rs.getTimestamp("breached_at")));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
