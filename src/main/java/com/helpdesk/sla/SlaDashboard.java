package com.helpdesk.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.helpdesk.sla.SlaReport.BreachRow;
import com.helpdesk.sla.SlaReport.Filter;
import com.helpdesk.sla.SlaReport.MetricTotal;
import com.helpdesk.sla.SlaReport.RiskRow;
import com.helpdesk.sla.SlaReport.Week;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's SLA dashboard. One aggregate query gives the weekly counts (the period's
 * totals are their sum): from the hourly counts ({@code sla_outcome_hour} plus the
 * differences not yet folded into it) for no filter or one, else from the per-metric
 * table. Two short lists give the breaches and what is at risk now. No ticket is loaded
 * to count.
 */
@Service
@Transactional(readOnly = true)
public class SlaDashboard {

	/**
	 * How many breaches and risks the dashboard lists (the latest, the soonest); the
	 * Breached and Breaching soon queues list them all.
	 */
	public static final int LIST_LIMIT = 25;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	SlaDashboard(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The four weeks to today, in the viewer's zone.
	 */
	public Filter defaultFilter(ZoneId zone) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		return new Filter(today.minusWeeks(4).plusDays(1), today, null, null, null, null, null);
	}

	public SlaReport report(Filter filter, ZoneId zone) {
		return report(filter, zone, Counting.FASTEST);
	}

	/** Where the weekly counts come from; the tests compare the two. */
	enum Counting {

		/** The hourly counts when the zone and filters allow, else the metrics. */
		FASTEST,
		/** Always counted from {@code sla_metric}. */
		METRICS

	}

	SlaReport report(Filter filter, ZoneId zone, Counting counting) {
		Instant from = filter.from().atStartOfDay(zone).toInstant();
		Instant to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to))
			.addValue("zone", zone.getId())
			.addValue("now", Timestamp.from(this.clock.instant()));
		String where = conditions(filter, params, "m");

		Map<LocalDate, Map<SlaMetric, MetricTotal>> weeks = new TreeMap<>();
		for (LocalDate week = filter.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)); !week
			.isAfter(filter.to()); week = week.plusWeeks(1)) {
			weeks.put(week, new EnumMap<>(SlaMetric.class));
		}
		String[] dimension = dimension(filter);
		String counts;
		if (counting == Counting.FASTEST && dimension != null && wholeHours(zone, from, to)) {
			params.addValue("dim", dimension[0]).addValue("val", dimension[1]);
			counts = """
					select date_trunc('week', x.hour at time zone :zone)::date as week, x.metric,
					       sum(x.met) as met, sum(x.breached) as breached
					from (select h.hour, h.metric, h.met, h.breached from sla_outcome_hour h
					      where h.dim = :dim and h.val = :val and h.hour >= :from and h.hour < :to
					      union all
					      select d.hour, d.metric, d.met, d.breached from sla_outcome_delta d
					      where d.hour >= :from and d.hour < :to""" + conditions(filter, params, "d") + """
					) x
					group by 1, 2
					""";
		}
		else {
			counts = """
					select date_trunc('week', coalesce(m.breached_at, m.fulfilled_at) at time zone :zone)::date as week,
					       m.metric,
					       count(*) filter (where m.breached_at is null) as met,
					       count(*) filter (where m.breached_at is not null) as breached
					from sla_metric m
					where (m.fulfilled_at is not null or m.breached_at is not null)
					  and coalesce(m.breached_at, m.fulfilled_at) >= :from and coalesce(m.breached_at, m.fulfilled_at) < :to
					"""
					+ where + " group by 1, 2";
		}
		this.jdbc.query(counts, params, (rs) -> {
			LocalDate week = rs.getObject("week", LocalDate.class);
			SlaMetric metric = SlaMetric.valueOf(rs.getString("metric"));
			weeks.computeIfAbsent(week, (w) -> new EnumMap<>(SlaMetric.class))
				.put(metric, new MetricTotal(metric, rs.getLong("met"), rs.getLong("breached")));
		});
		List<Week> trend = new ArrayList<>();
		Map<SlaMetric, long[]> sums = new EnumMap<>(SlaMetric.class);
		weeks.forEach((week, metrics) -> {
			List<MetricTotal> row = new ArrayList<>();
			for (SlaMetric metric : SlaMetric.values()) {
				MetricTotal total = metrics.getOrDefault(metric, new MetricTotal(metric, 0, 0));
				row.add(total);
				long[] sum = sums.computeIfAbsent(metric, (m) -> new long[2]);
				sum[0] += total.met();
				sum[1] += total.breached();
			}
			trend.add(new Week(week, row));
		});
		List<MetricTotal> totals = new ArrayList<>();
		for (SlaMetric metric : SlaMetric.values()) {
			long[] sum = sums.getOrDefault(metric, new long[2]);
			totals.add(new MetricTotal(metric, sum[0], sum[1]));
		}

		// the lists take their few metrics first, then look up names for those only
		List<BreachRow> breaches = this.jdbc
			.query("""
					select m.ticket_id, t.subject, c.name as client, m.metric, m.breached_at, m.fulfilled_at,
					       extract(epoch from coalesce(m.fulfilled_at, :now) - m.breached_at)::bigint as late_seconds,
					       u.name as held_by, g.name as group_name
					from (select * from sla_metric m
					      where m.breached_at is not null and m.breached_at >= :from and m.breached_at < :to""" + where
					+ """

							      order by m.breached_at desc, m.id desc limit %d) m
							join ticket t on t.id = m.ticket_id
							join client c on c.id = m.client_id
							left join app_user u on u.id = m.breach_assignee_id
							left join support_group g on g.id = m.breach_group_id
							order by m.breached_at desc, m.id desc
							""".formatted(LIST_LIMIT), params,
					(rs, n) -> new BreachRow(rs.getLong("ticket_id"), rs.getString("subject"), rs.getString("client"),
							SlaMetric.valueOf(rs.getString("metric")), rs.getTimestamp("breached_at").toInstant(),
							(rs.getTimestamp("fulfilled_at") != null) ? rs.getTimestamp("fulfilled_at").toInstant()
									: null,
							Duration.ofSeconds(Math.max(0, rs.getLong("late_seconds"))), rs.getString("held_by"),
							rs.getString("group_name")));

		List<RiskRow> atRisk = this.jdbc.query("""
				select m.ticket_id, t.subject, c.name as client, m.metric, m.due_at, u.name as assignee,
				       g.name as group_name
				from (select * from sla_metric m
				      where m.state = 'ACTIVE' and m.at_risk_at <= :now and m.due_at > :now""" + where + """

				      order by m.due_at, m.id limit %d) m
				join ticket t on t.id = m.ticket_id
				join client c on c.id = m.client_id
				left join app_user u on u.id = m.assignee_id
				left join support_group g on g.id = m.group_id
				order by m.due_at, m.id
				""".formatted(LIST_LIMIT), params,
				(rs, n) -> new RiskRow(rs.getLong("ticket_id"), rs.getString("subject"), rs.getString("client"),
						SlaMetric.valueOf(rs.getString("metric")), rs.getTimestamp("due_at").toInstant(),
						rs.getString("assignee"), rs.getString("group_name")));
		return new SlaReport(filter, totals, trend, breaches, atRisk);
	}

	/**
	 * The hourly counts' dimension and value for these filters: everything, or the one
	 * filter set; {@code null} when more than one is set (those are counted from the
	 * metrics).
	 */
	private static String[] dimension(Filter filter) {
		List<String[]> set = new ArrayList<>();
		if (filter.clientId() != null) {
			set.add(new String[] { "client", filter.clientId().toString() });
		}
		if (filter.planId() != null) {
			set.add(new String[] { "plan", filter.planId().toString() });
		}
		if (filter.priority() != null) {
			set.add(new String[] { "priority", filter.priority().name() });
		}
		if (filter.groupId() != null) {
			set.add(new String[] { "group", filter.groupId().toString() });
		}
		if (filter.type() != null) {
			set.add(new String[] { "type", filter.type() });
		}
		return switch (set.size()) {
			case 0 -> new String[] { "all", "" };
			case 1 -> set.get(0);
			default -> null;
		};
	}

	/**
	 * Whether local days in this zone begin on whole UTC hours throughout the period, so
	 * that hourly counts add up to its days and weeks exactly.
	 */
	static boolean wholeHours(ZoneId zone, Instant from, Instant to) {
		ZoneRules rules = zone.getRules();
		if (rules.getOffset(from).getTotalSeconds() % 3600 != 0) {
			return false;
		}
		for (ZoneOffsetTransition next = rules.nextTransition(from); next != null
				&& next.getInstant().isBefore(to); next = rules.nextTransition(next.getInstant())) {
			if (next.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
				return false;
			}
		}
		return true;
	}

	private static String conditions(Filter filter, MapSqlParameterSource params, String alias) {
		StringBuilder where = new StringBuilder();
		if (filter.clientId() != null) {
			where.append(" and " + alias + ".client_id = :client");
			params.addValue("client", filter.clientId());
		}
		if (filter.planId() != null) {
			where.append(" and " + alias + ".plan_id = :plan");
			params.addValue("plan", filter.planId());
		}
		if (filter.priority() != null) {
			where.append(" and " + alias + ".priority = :priority");
			params.addValue("priority", filter.priority().name());
		}
		if (filter.groupId() != null) {
			where.append(" and " + alias + ".group_id = :group");
			params.addValue("group", filter.groupId());
		}
		if (filter.type() != null) {
			where.append(" and " + alias + ".type = :type");
			params.addValue("type", filter.type());
		}
		return where.toString();
	}

}
