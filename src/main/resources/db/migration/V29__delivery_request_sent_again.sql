-- A ticket reopened after its in-depth work was closed (declined, say) can be sent to
-- delivery again: a new request, the earlier one kept as decided. Only one is open at once.
alter table delivery_request drop constraint delivery_request_ticket_id_key;
create unique index delivery_request_open_ticket_idx on delivery_request (ticket_id)
    where state in ('INTAKE', 'SCHEDULED');
create index delivery_request_ticket_idx on delivery_request (ticket_id, id);
