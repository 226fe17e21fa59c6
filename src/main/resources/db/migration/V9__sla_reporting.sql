-- The SLA dashboard counts each metric at the moment it was met or breached
create index sla_metric_outcome_idx on sla_metric ((coalesce(breached_at, fulfilled_at)))
    where fulfilled_at is not null or breached_at is not null;
