package com.helpdesk.sla.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the dashboard's pending differences ({@code sla_outcome_delta}, written by
 * triggers on {@code sla_metric}) into the hourly counts ({@code sla_outcome_hour}), for
 * everything and per filter value, in one statement. A difference is folded exactly once:
 * the statement deletes what it sees and adds that, in one transaction; what other
 * transactions add meanwhile waits for the next run. See V11__sla_rollup.sql.
 */
@Component
public class SlaRollup {

	private final JdbcClient jdbc;

	SlaRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Answers how many hourly counts were changed.
	 */
	@Transactional
	public int fold() {
		return this.jdbc
			.sql("""
					with moved as (
					    delete from sla_outcome_delta
					    returning hour, metric, client_id, plan_id, priority, group_id, type, met, breached),
					cube as (
					    select grouping(client_id, plan_id, priority, group_id, type) as unused, hour, metric,
					           client_id, plan_id, priority, group_id, type, sum(met) as met, sum(breached) as breached
					    from moved
					    group by grouping sets ((hour, metric), (hour, metric, client_id), (hour, metric, plan_id),
					        (hour, metric, priority), (hour, metric, group_id), (hour, metric, type)))
					insert into sla_outcome_hour (dim, val, hour, metric, met, breached)
					select case unused when 31 then 'all' when 15 then 'client' when 23 then 'plan' when 27 then 'priority'
					           when 29 then 'group' else 'type' end,
					       case unused when 31 then '' when 15 then client_id::text when 23 then plan_id::text
					           when 27 then priority when 29 then group_id::text else type end,
					       hour, metric, met, breached
					from cube
					where (met <> 0 or breached <> 0)
					  and not (unused = 23 and plan_id is null) and not (unused = 29 and group_id is null)
					on conflict (dim, val, hour, metric) do update
					    set met = sla_outcome_hour.met + excluded.met, breached = sla_outcome_hour.breached + excluded.breached
					""")
			.update();
	}

}
