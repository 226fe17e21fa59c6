-- The sidebar counts each view, up to a thousand tickets, from an index alone: unsolved
-- tickets by assignee and by group, each with its status.
create index ticket_unsolved_assignee_idx on ticket (assignee_id, status) where status <> 'SOLVED';
create index ticket_unsolved_group_idx on ticket (group_id, status) where status <> 'SOLVED';

-- The due index also carries when each ticket becomes at risk, so "Breaching soon" and its
-- count keep to what is at risk without reading the table.
drop index sla_ticket_due_idx;
create index sla_ticket_due_idx on sla_ticket (next_due_at, ticket_id) include (at_risk_at)
    where not solved and next_due_at is not null;
