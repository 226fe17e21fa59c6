-- Time spent on an out-of-hours page is logged by each person as their own, whoever was paged
-- or acknowledged it; it was one figure per page, counted for whoever acknowledged
create table oncall_time (
    page_id    bigint       not null references oncall_page (id) on delete cascade,
    person_id  bigint       not null references app_user (id),
    minutes    int          not null check (minutes between 1 and 1440),
    logged_at  timestamptz  not null,
    primary key (page_id, person_id)
);
create index oncall_time_person_idx on oncall_time (person_id);

insert into oncall_time (page_id, person_id, minutes, logged_at)
select id, coalesce(acknowledged_by, person_id), minutes_spent, coalesce(acknowledged_at, paged_at)
from oncall_page where minutes_spent is not null;

alter table oncall_page drop column minutes_spent;
