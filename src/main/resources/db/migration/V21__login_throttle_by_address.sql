-- Failed sign-ins are counted per account from an address, per address and per account (the
-- key says which); counts kept per name alone before mean nothing now
delete from login_throttle;
alter table login_throttle rename column username to throttle_key;
alter table login_throttle alter column throttle_key type varchar(400);

-- Where each account signed in from lately: there its own ceiling of failures does not apply,
-- so someone guessing from elsewhere cannot lock the real person out
create table login_known_address (
    email            varchar(254) not null,
    address          varchar(64)  not null,
    last_success_at  timestamptz  not null,
    primary key (email, address)
);
