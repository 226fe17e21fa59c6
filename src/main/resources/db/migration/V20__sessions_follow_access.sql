-- Sessions started before this no longer sign the person in: set when they are disabled, their
-- role, client or email changes, or someone else sets their password (the session store's read
-- compares it with the session's creation time)
alter table app_user add column sessions_valid_from timestamptz;
