-- Which calendar a plan counted, and since when, so that a change of calendar does not
-- recount time already used
create table sla_plan_calendar (
    plan_id      bigint       not null references support_plan (id),
    calendar_id  bigint       not null references business_calendar (id),
    valid_from   timestamptz  not null,
    valid_to     timestamptz,
    primary key (plan_id, valid_from)
);
insert into sla_plan_calendar (plan_id, calendar_id, valid_from)
select plan_id, calendar_id, timestamptz '1970-01-01 00:00:00+00' from sla_plan;
