-- A tags change records the whole list before and after: twenty tags of up to fifty
-- characters do not fit in 200. varchar to text needs no rewrite of the table.
alter table ticket_event alter column from_value type text, alter column to_value type text;
