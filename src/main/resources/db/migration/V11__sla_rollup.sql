-- The SLA dashboard's counts, kept per hour so that a period is summed from a few
-- thousand rows instead of counted from every metric in it.
--
-- Every change to sla_metric adds its difference (one row per hour and combination of
-- the dashboard's filters, +1 for a new outcome, -1 for one taken back) to
-- sla_outcome_delta, from statement triggers: writers only ever insert there, so they
-- never wait on each other. The SLA sweep folds the differences into sla_outcome_hour,
-- one row per hour and metric for everything (dim 'all') and for each value of each
-- filter (dim 'client', 'plan', 'priority', 'group', 'type'). The dashboard reads both
-- tables in one statement, so it is exact whether or not the sweep has run.
-- Hours are whole UTC hours (date_trunc with 'UTC'), which are whole local hours in every
-- zone whose offset is whole hours; the dashboard counts other zones from sla_metric.

create table sla_outcome_delta (
    hour       timestamptz  not null,
    metric     varchar(12)  not null,
    client_id  bigint       not null,
    plan_id    bigint,
    priority   varchar(10)  not null,
    group_id   bigint,
    type       varchar(30)  not null,
    met        bigint       not null,
    breached   bigint       not null
);

create table sla_outcome_hour (
    dim       varchar(8)   not null check (dim in ('all', 'client', 'plan', 'priority', 'group', 'type')),
    val       varchar(30)  not null,
    hour      timestamptz  not null,
    metric    varchar(12)  not null,
    met       bigint       not null,
    breached  bigint       not null,
    primary key (dim, val, hour, metric)
);

create function sla_outcome_added() returns trigger language plpgsql as $$
begin
    insert into sla_outcome_delta (hour, metric, client_id, plan_id, priority, group_id, type, met, breached)
    select date_trunc('hour', coalesce(breached_at, fulfilled_at), 'UTC'), metric, client_id, plan_id, priority,
           group_id, type, count(*) filter (where breached_at is null), count(*) filter (where breached_at is not null)
    from added
    where breached_at is not null or fulfilled_at is not null
    group by 1, 2, 3, 4, 5, 6, 7;
    return null;
end $$;

create function sla_outcome_removed() returns trigger language plpgsql as $$
begin
    insert into sla_outcome_delta (hour, metric, client_id, plan_id, priority, group_id, type, met, breached)
    select date_trunc('hour', coalesce(breached_at, fulfilled_at), 'UTC'), metric, client_id, plan_id, priority,
           group_id, type, -count(*) filter (where breached_at is null), -count(*) filter (where breached_at is not null)
    from removed
    where breached_at is not null or fulfilled_at is not null
    group by 1, 2, 3, 4, 5, 6, 7;
    return null;
end $$;

create function sla_outcome_changed() returns trigger language plpgsql as $$
begin
    insert into sla_outcome_delta (hour, metric, client_id, plan_id, priority, group_id, type, met, breached)
    select hour, metric, client_id, plan_id, priority, group_id, type, sum(met), sum(breached)
    from (
        select date_trunc('hour', coalesce(breached_at, fulfilled_at), 'UTC') as hour, metric, client_id, plan_id,
               priority, group_id, type, -(breached_at is null)::int as met, -(breached_at is not null)::int as breached
        from removed where breached_at is not null or fulfilled_at is not null
        union all
        select date_trunc('hour', coalesce(breached_at, fulfilled_at), 'UTC'), metric, client_id, plan_id,
               priority, group_id, type, (breached_at is null)::int, (breached_at is not null)::int
        from added where breached_at is not null or fulfilled_at is not null
    ) d
    group by 1, 2, 3, 4, 5, 6, 7
    having sum(met) <> 0 or sum(breached) <> 0;
    return null;
end $$;

create trigger sla_metric_added after insert on sla_metric
    referencing new table as added for each statement execute function sla_outcome_added();
create trigger sla_metric_removed after delete on sla_metric
    referencing old table as removed for each statement execute function sla_outcome_removed();
create trigger sla_metric_changed after update on sla_metric
    referencing old table as removed new table as added for each statement execute function sla_outcome_changed();

-- what is already there
insert into sla_outcome_delta (hour, metric, client_id, plan_id, priority, group_id, type, met, breached)
select date_trunc('hour', coalesce(breached_at, fulfilled_at), 'UTC'), metric, client_id, plan_id, priority,
       group_id, type, count(*) filter (where breached_at is null), count(*) filter (where breached_at is not null)
from sla_metric
where breached_at is not null or fulfilled_at is not null
group by 1, 2, 3, 4, 5, 6, 7;

-- the breaches list: newest first, over breaches only
create index sla_metric_breached_at_idx on sla_metric (breached_at, id) where breached_at is not null;
