-- Searching by a requester's name or email reads each requester's tickets newest first,
-- a page at a time, as the client's index already does for a client.
create index ticket_requester_updated_idx on ticket (requester_id, updated_at desc, id desc);
drop index ticket_requester_idx;
