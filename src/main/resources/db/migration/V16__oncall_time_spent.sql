-- Time an engineer spent on a page out of hours, as they log it, for compensation
alter table oncall_page add column minutes_spent int check (minutes_spent between 1 and 1440);
create index oncall_page_rota_paged_idx on oncall_page (rota_id, paged_at);

alter table oncall_signoff_line add column incidents int not null default 0;
alter table oncall_signoff_line add column incident_minutes int not null default 0;
