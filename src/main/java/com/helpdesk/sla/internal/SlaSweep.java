package com.helpdesk.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaNotices.SlaAtRisk;
import com.helpdesk.sla.SlaNotices.SlaBreached;
import com.helpdesk.sla.SlaService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: replays tickets whose plan or targets changed, marks what has breached,
 * gives each breach and each at-risk metric its notice, exactly once, and folds the
 * dashboard's counts ({@link SlaRollup}). The marking is set-based (a statement per step,
 * touching only active metrics that are due), so its cost does not grow with the number
 * of closed tickets; the lock keeps two instances from sweeping at once, and the notice
 * table keeps a notice from being given twice even if they did.
 */
@Component
public class SlaSweep {

	private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final SlaStore store;

	private final SlaService sla;

	private final SlaRollup rollup;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final com.helpdesk.shared.JobRuns jobRuns;

	SlaSweep(JdbcClient jdbc, SlaStore store, SlaService sla, SlaRollup rollup, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, com.helpdesk.shared.JobRuns jobRuns) {
		this.jobRuns = jobRuns;
		this.jdbc = jdbc;
		this.store = store;
		this.sla = sla;
		this.rollup = rollup;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public record Result(int recomputed, int breached, int notices) {
	}

	@Scheduled(fixedDelayString = "${helpdesk.sla.sweep-every:PT1M}", initialDelayString = "PT20S")
	@SchedulerLock(name = "sla-sweep", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${helpdesk.sla.sweep-lock-at-least:PT50S}")
	public Result run() {
		return this.jobRuns.record("sla-sweep", this::sweep);
	}

	private Result sweep() {
		int recomputed = recomputeStale();
		int[] marked = this.transactions.execute((tx) -> markAndNotify(this.clock.instant()));
		// the dashboard reads pending differences too; folding keeps them few
		this.rollup.fold();
		Result result = new Result(recomputed, marked[0], marked[1]);
		if (result.recomputed() + result.breached() + result.notices() > 0) {
			log.info("SLA sweep: {} tickets recomputed, {} metrics breached, {} notices", result.recomputed(),
					result.breached(), result.notices());
		}
		return result;
	}

	private int recomputeStale() {
		int total = 0;
		List<Long> stale;
		do {
			stale = this.store.stale(BATCH);
			for (Long ticketId : stale) {
				this.transactions.executeWithoutResult((tx) -> this.sla.recompute(ticketId));
			}
			total += stale.size();
		}
		while (stale.size() == BATCH);
		return total;
	}

	private int[] markAndNotify(Instant now) {
		Timestamp at = Timestamp.from(now);
		List<Long> tickets = this.jdbc.sql("""
				update sla_metric set state = 'BREACHED', breached_at = due_at,
				    breach_assignee_id = coalesce(breach_assignee_id, assignee_id),
				    breach_group_id = coalesce(breach_group_id, group_id)
				where state = 'ACTIVE' and due_at <= ?
				returning ticket_id
				""").param(at).query(Long.class).list();
		int breached = tickets.size();
		if (breached > 0) {
			// the ticket's summary follows its metrics: next due, its metric and the
			// earliest at-risk time now come from what is still running
			this.jdbc.sql("""
					update sla_ticket t set breached = true, next_due_at = n.due_at, next_due_metric = n.metric,
					    at_risk_at = r.at_risk_at
					from (select distinct unnest(:tickets::bigint[]) as ticket_id) b
					left join lateral (select m.due_at, m.metric from sla_metric m
					    where m.ticket_id = b.ticket_id and m.state = 'ACTIVE' and m.due_at is not null
					    order by m.due_at, m.metric limit 1) n on true
					left join lateral (select min(m.at_risk_at) as at_risk_at from sla_metric m
					    where m.ticket_id = b.ticket_id and m.state = 'ACTIVE') r on true
					where t.ticket_id = b.ticket_id and not t.solved
					""").param("tickets", tickets.toArray(Long[]::new)).update();
		}
		int notices = 0;
		for (Notice notice : newNotices("BREACHED", """
				select m.ticket_id, m.metric, m.cycle, m.assignee_id, m.group_id from sla_metric m
				join sla_ticket t on t.ticket_id = m.ticket_id
				where m.state = 'BREACHED' and m.fulfilled_at is null and not t.solved and m.breached_at <= :now
				""", at)) {
			this.events.publishEvent(
					new SlaBreached(notice.ticketId(), notice.metric(), notice.assigneeId(), notice.groupId()));
			notices++;
		}
		for (Notice notice : newNotices("AT_RISK", """
				select m.ticket_id, m.metric, m.cycle, m.assignee_id, m.group_id from sla_metric m
				where m.state = 'ACTIVE' and m.at_risk_at <= :now
				""", at)) {
			this.events
				.publishEvent(new SlaAtRisk(notice.ticketId(), notice.metric(), notice.assigneeId(), notice.groupId()));
			notices++;
		}
		return new int[] { breached, notices };
	}

	/**
	 * The notices of this kind due now and not given before; recording them in the same
	 * statement makes each one given once.
	 */
	private List<Notice> newNotices(String kind, String candidates, Timestamp now) {
		return this.jdbc.sql("""
				with due as (%s),
				given as (
				    insert into sla_notice (ticket_id, metric, cycle, kind, at)
				    select ticket_id, metric, cycle, :kind, :now from due
				    on conflict do nothing
				    returning ticket_id, metric, cycle)
				select g.ticket_id, g.metric, g.cycle, t.assignee_id, t.group_id
				from given g join sla_ticket t on t.ticket_id = g.ticket_id
				order by g.ticket_id
				""".formatted(candidates))
			.param("kind", kind)
			.param("now", now)
			.query((rs, n) -> new Notice(rs.getLong(1), SlaMetric.valueOf(rs.getString(2)), rs.getInt(3),
					(Long) rs.getObject(4), (Long) rs.getObject(5)))
			.list();
	}

	record Notice(long ticketId, SlaMetric metric, int cycle, Long assigneeId, Long groupId) {
	}

}
