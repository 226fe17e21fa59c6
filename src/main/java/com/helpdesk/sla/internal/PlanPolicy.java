package com.helpdesk.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;

import com.helpdesk.calendar.BusinessCalendar;
import com.helpdesk.shared.Priority;
import com.helpdesk.sla.SlaClock;
import com.helpdesk.sla.SlaMetric;
import com.helpdesk.sla.SlaPolicy;
import com.helpdesk.sla.SlaTarget;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one client's plans promised over time: which plan the client was on when, and the
 * targets each plan had when. Loaded once per replay.
 */
public final class PlanPolicy implements SlaPolicy {

	/** Which plan, from when to when. */
	record Period(long planId, Instant from, Instant to) {

		boolean covers(Instant at) {
			return !at.isBefore(this.from) && (this.to == null || at.isBefore(this.to));
		}

	}

	/** Which calendar a plan counted, from when to when. */
	record CalendarPeriod(long planId, long calendarId, Instant from, Instant to) {

		boolean covers(Instant at) {
			return !at.isBefore(this.from) && (this.to == null || at.isBefore(this.to));
		}

	}

	/** One version of one target. */
	record TargetRow(long planId, SlaTarget target, Instant from, Instant to) {

		boolean covers(Instant at) {
			return !at.isBefore(this.from) && (this.to == null || at.isBefore(this.to));
		}

	}

	private final List<Period> periods;

	private final List<TargetRow> targets;

	private final Map<Long, Long> calendarOfPlan;

	private final List<CalendarPeriod> calendarPeriods;

	private final Map<Long, Double> riskOfPlan;

	private final LongFunction<BusinessCalendar> calendars;

	private final Map<Long, BusinessCalendar> loaded = new HashMap<>();

	PlanPolicy(List<Period> periods, List<TargetRow> targets, Map<Long, Long> calendarOfPlan,
			List<CalendarPeriod> calendarPeriods, Map<Long, Double> riskOfPlan,
			LongFunction<BusinessCalendar> calendars) {
		this.periods = periods;
		this.targets = targets;
		this.calendarOfPlan = calendarOfPlan;
		this.calendarPeriods = calendarPeriods;
		this.riskOfPlan = riskOfPlan;
		this.calendars = calendars;
	}

	/**
	 * Loads the policy of a client's tickets. A client without recorded plan history is
	 * taken to have always been on {@code currentPlan}.
	 */
	static PlanPolicy load(JdbcClient jdbc, long clientId, long currentPlan, LongFunction<BusinessCalendar> calendars) {
		List<Period> periods = jdbc
			.sql("select plan_id, valid_from, valid_to from sla_client_plan where client_id = ? order by valid_from")
			.param(clientId)
			.query((rs, n) -> new Period(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					SlaStore.instant(rs.getTimestamp(3))))
			.list();
		if (periods.isEmpty()) {
			periods = List.of(new Period(currentPlan, Instant.EPOCH, null));
		}
		Long[] plans = periods.stream().map(Period::planId).distinct().toArray(Long[]::new);
		List<TargetRow> targets = jdbc.sql("""
				select plan_id, priority, metric, within_seconds, end_of_business_day, clock, valid_from, valid_to
				from sla_target where plan_id = any(?)
				""").param(plans).query((rs, n) -> {
			Long within = (Long) rs.getObject(4);
			SlaTarget target = new SlaTarget(Priority.valueOf(rs.getString(2)), SlaMetric.valueOf(rs.getString(3)),
					(within != null) ? Duration.ofSeconds(within) : null, rs.getBoolean(5),
					SlaClock.valueOf(rs.getString(6)));
			return new TargetRow(rs.getLong(1), target, rs.getTimestamp(7).toInstant(),
					SlaStore.instant(rs.getTimestamp(8)));
		}).list();
		Map<Long, Long> calendarOfPlan = new HashMap<>();
		Map<Long, Double> riskOfPlan = new HashMap<>();
		jdbc.sql("select plan_id, calendar_id, at_risk_share from sla_plan where plan_id = any(?)")
			.param(plans)
			.query((rs, n) -> {
				calendarOfPlan.put(rs.getLong(1), rs.getLong(2));
				riskOfPlan.put(rs.getLong(1), rs.getDouble(3));
				return null;
			})
			.list();
		List<CalendarPeriod> calendarPeriods = jdbc
			.sql("select plan_id, calendar_id, valid_from, valid_to from sla_plan_calendar where plan_id = any(?)")
			.param(plans)
			.query((rs, n) -> new CalendarPeriod(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					SlaStore.instant(rs.getTimestamp(4))))
			.list();
		return new PlanPolicy(periods, targets, calendarOfPlan, calendarPeriods, riskOfPlan, calendars);
	}

	/**
	 * The plan the client was on at that moment.
	 */
	public Long planAt(Instant at) {
		return this.periods.stream().filter((p) -> p.covers(at)).map(Period::planId).findFirst().orElse(null);
	}

	@Override
	public Optional<SlaTarget> target(SlaMetric metric, Priority priority, Instant at) {
		Long plan = planAt(at);
		if (plan == null || !this.calendarOfPlan.containsKey(plan)) {
			return Optional.empty();
		}
		return this.targets.stream()
			.filter((t) -> t.planId() == plan && t.target().metric() == metric && t.target().priority() == priority
					&& t.covers(at))
			.map(TargetRow::target)
			.findFirst();
	}

	@Override
	public BusinessCalendar calendar(Instant at) {
		Long plan = planAt(at);
		Long calendar = (plan != null) ? this.calendarPeriods.stream()
			.filter((c) -> c.planId() == plan && c.covers(at))
			.map(CalendarPeriod::calendarId)
			.findFirst()
			.orElse(this.calendarOfPlan.get(plan)) : null;
		if (calendar == null) {
			return BusinessCalendar.always(java.time.ZoneOffset.UTC);
		}
		return this.loaded.computeIfAbsent(calendar, this.calendars::apply);
	}

	@Override
	public List<Instant> changes(Instant from, Instant to) {
		TreeSet<Instant> changes = new TreeSet<>();
		for (Period period : this.periods) {
			changes.add(period.from());
		}
		for (CalendarPeriod period : this.calendarPeriods) {
			changes.add(period.from());
		}
		for (TargetRow row : this.targets) {
			changes.add(row.from());
			if (row.to() != null) {
				changes.add(row.to());
			}
		}
		List<Instant> within = new ArrayList<>();
		for (Instant change : changes) {
			if (change.isAfter(from) && !change.isAfter(to)) {
				within.add(change);
			}
		}
		return within;
	}

	/**
	 * The at-risk share of the plan the client is on now.
	 */
	@Override
	public double atRiskShare() {
		long current = this.periods.get(this.periods.size() - 1).planId();
		return this.riskOfPlan.getOrDefault(current, 0.25);
	}

}
