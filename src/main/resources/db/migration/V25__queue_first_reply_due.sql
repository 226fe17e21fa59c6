-- New tickets are listed by when their first reply is due: the first replies still owed,
-- in due order, so the queue's page walks this index instead of sorting every new ticket.
create index sla_metric_first_reply_due_idx on sla_metric (due_at, ticket_id)
    where metric = 'FIRST_REPLY' and fulfilled_at is null and due_at is not null;
