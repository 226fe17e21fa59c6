-- When a rota's shifts last changed (its settings, an order of people, a cover, a swap): the
-- DTSTAMP and Last-Modified of its calendar feeds, so calendar apps see a change only when
-- there is one
alter table rota add column changed_at timestamptz;
update rota r set changed_at = greatest(r.created_at,
    (select max(rr.created_at) from rota_roster rr join rota_position p on p.id = rr.position_id
     where p.rota_id = r.id),
    (select max(c.created_at) from rota_cover c join rota_position p on p.id = c.position_id where p.rota_id = r.id),
    (select max(s.decided_at) from rota_swap s where s.rota_id = r.id));
alter table rota alter column changed_at set not null;
