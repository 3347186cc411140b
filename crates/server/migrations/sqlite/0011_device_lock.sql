-- Issue 15: the app lock as the server keeps it (decision 0013). Each
-- session row is one device's sign-in: `locked` is 1 while the app lock
-- is up there, and every route but unlock, lock and sign-out answers 423;
-- `pin_hash` is that device's PIN as an argon2 PHC string (its salt
-- inside), NULL when none is set; `pin_wrong` counts wrong PINs in a row,
-- counted before each check so concurrent tries all count. Booleans are
-- BIGINT 0/1 as everywhere (decision 0002).
-- Kept in step with ../postgres/0011_device_lock.sql.
ALTER TABLE auth_sessions ADD COLUMN locked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE auth_sessions ADD COLUMN pin_hash TEXT;
ALTER TABLE auth_sessions ADD COLUMN pin_wrong BIGINT NOT NULL DEFAULT 0;
