-- Delivery planning pauses the resolution clock: the week or sprint the work is planned for
alter table sla_input add column planned_for date;
