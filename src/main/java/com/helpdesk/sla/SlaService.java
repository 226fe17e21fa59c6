package com.helpdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.sla.internal.PlanPolicies;
import com.helpdesk.sla.internal.PlanPolicy;
import com.helpdesk.sla.internal.SlaStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of tickets. The ticket module tells what happened ({@link #record}); the
 * ticket's clocks are replayed from its whole history and stored, in the same
 * transaction.
 */
@Service
@Transactional
public class SlaService {

	private final SlaStore store;

	private final PlanPolicies policies;

	private final Clock clock;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	SlaService(SlaStore store, PlanPolicies policies, Clock clock,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.store = store;
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * Adds what happened to a ticket (possibly nothing, when only its facts changed) and
	 * recomputes its clocks.
	 */
	public void record(SlaTicket facts, List<SlaInput> inputs) {
		this.store.append(facts.ticketId(), inputs);
		this.store.saveFacts(facts);
		recompute(facts.ticketId());
	}

	/**
	 * Records an imported ticket's history. Targets it had already missed before now are
	 * recorded as they were but not announced: the sweep tells people of (and counts)
	 * only the breaches that happen from now on.
	 */
	public void recordImported(SlaTicket facts, List<SlaInput> inputs) {
		record(facts, inputs);
		this.store.settleBreachesBefore(facts.ticketId(), this.clock.instant());
	}

	/**
	 * The ticket's work is on the delivery plan for the week (or sprint) starting
	 * {@code periodStart}, from now: its resolution clock pauses until the work is taken
	 * off the plan. Moving it to another week keeps it paused.
	 */
	public void planned(long ticketId, LocalDate periodStart) {
		tell(ticketId, SlaInput.planned(this.clock.instant(), periodStart));
	}

	/**
	 * The ticket's work was taken off the delivery plan (declined, moved to the backlog,
	 * unscheduled or delivered): its resolution clock runs again while the ticket waits
	 * on us.
	 */
	public void unplanned(long ticketId) {
		tell(ticketId, SlaInput.of(this.clock.instant(), SlaInput.Kind.UNPLANNED));
	}

	private void tell(long ticketId, SlaInput input) {
		// the replay must see every input: a ticket change at the same time waits for
		// this
		if (!this.store.lock(ticketId)) {
			return;
		}
		this.store.append(ticketId, List.of(input));
		recompute(ticketId);
	}

	/**
	 * Replays a ticket's clocks from its history, as of now.
	 */
	public void recompute(long ticketId) {
		SlaTicket facts = this.store.facts(ticketId).orElse(null);
		if (facts == null) {
			return;
		}
		Instant now = this.clock.instant();
		PlanPolicy policy = this.policies.forClient(facts.clientId());
		List<SlaOutcome> outcomes = SlaReplay.replay(this.store.inputs(ticketId), policy, now);
		this.store.save(facts, policy.planAt(now), outcomes, now);
	}

	/**
	 * A ticket's clocks as of now, with what it takes to explain each.
	 */
	@Transactional(readOnly = true)
	public List<SlaLine> clocks(long ticketId) {
		SlaTicket facts = this.store.facts(ticketId).orElse(null);
		if (facts == null) {
			return List.of();
		}
		Instant now = this.clock.instant();
		PlanPolicy policy = this.policies.forClient(facts.clientId());
		List<SlaLine> lines = new ArrayList<>();
		for (SlaOutcome o : SlaReplay.replay(this.store.inputs(ticketId), policy, now)) {
			BusinessCalendar calendar = policy.calendar(o.startedAt());
			Instant until = (o.dueAt() != null) ? o.dueAt() : ((o.fulfilledAt() != null) ? o.fulfilledAt() : now);
			lines.add(new SlaLine(o.metric(), o.cycle(), o.state(), o.target(), o.targetTime(), o.startedAt(),
					o.dueAt(), o.fulfilledAt(), o.breachedAt(), o.atRiskAt() != null && !o.atRiskAt().isAfter(now),
					o.used(), o.pausedFor(), o.events(), closedDays(calendar, o.startedAt(), until)));
		}
		return lines;
	}

	@Transactional(readOnly = true)
	public Map<Long, SlaSummary> summaries(Collection<Long> ticketIds) {
		return this.store.summaries(ticketIds);
	}

	/**
	 * When each ticket's first reply is due, for the tickets whose first reply has a
	 * target and has not been given yet; a breached one was due when it breached.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> firstReplyDue(Collection<Long> ticketIds) {
		if (ticketIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Instant> due = new HashMap<>();
		this.jdbc.sql("""
				select ticket_id, due_at from sla_metric
				where ticket_id = any(?) and metric = 'FIRST_REPLY' and cycle = 1 and fulfilled_at is null
				  and due_at is not null
				""").param(ticketIds.toArray(Long[]::new)).query((rs) -> {
			due.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
		});
		return due;
	}

	private static List<LocalDate> closedDays(BusinessCalendar calendar, Instant from, Instant to) {
		List<LocalDate> days = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(to, calendar.zone());
		for (LocalDate day = LocalDate.ofInstant(from, calendar.zone()); !day.isAfter(last)
				&& days.size() < 10; day = day.plusDays(1)) {
			if (calendar.isHoliday(day)) {
				days.add(day);
			}
		}
		return days;
	}

	/**
	 * Metrics that breached in {@code [from, to)}, earliest first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public java.util.List<SlaBreach> breachesBetween(Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select ticket_id, metric, breached_at from sla_metric
				where breached_at >= ? and breached_at < ? order by breached_at, id limit ?
				""")
			.params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to), limit)
			.query((rs, n) -> new SlaBreach(rs.getLong(1), SlaMetric.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

}
