-- Accounts (issue 13): one-time codes, the staff second factor, closing an
-- account, sessions a person can list, and who a record was shown to.
-- Kept in step with ../postgres/0006_accounts.sql.

-- A person made by a PA or manager has no passphrase until she redeems her
-- code: passphrase_hash is then '!', which no passphrase verifies against.
-- Sample accounts made by --demo may skip the second factor (the sign-in
-- page says so); real staff accounts cannot.
ALTER TABLE people ADD COLUMN second_factor_optional BIGINT NOT NULL DEFAULT 0;
-- Base32 TOTP secret (RFC 6238) once confirmed; the pending one during set-up.
ALTER TABLE people ADD COLUMN totp_secret TEXT;
ALTER TABLE people ADD COLUMN totp_pending TEXT;
-- The last time step a code was accepted for: a code is good once.
ALTER TABLE people ADD COLUMN totp_last_step BIGINT;
-- Closed (at 25 or when she asked): signs in nowhere; her devices wipe.
ALTER TABLE people ADD COLUMN closed_at BIGINT;
-- When the current passphrase was set (NULL: never chosen yet).
ALTER TABLE people ADD COLUMN passphrase_set_at BIGINT;
UPDATE people SET passphrase_set_at = created_at;

-- Set-up, invite and reset codes. Only a hash of the code is kept. A new
-- code for a person voids the ones before it.
CREATE TABLE account_codes (
    code_hash  TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id),
    purpose    TEXT NOT NULL CHECK (purpose IN ('invite', 'reset', 'staff_set_up')),
    -- NULL when made from the command line.
    created_by TEXT REFERENCES people(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    voided_at  BIGINT
);
CREATE INDEX account_codes_person ON account_codes(person_id);

-- One-time recovery codes for the staff second factor (hashes only).
CREATE TABLE recovery_codes (
    person_id TEXT NOT NULL REFERENCES people(id),
    code_hash TEXT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (person_id, code_hash)
);

-- Sessions get an id a person may see (never the token's hash), the
-- device they were made on, and when their token was last replaced.
ALTER TABLE auth_sessions ADD COLUMN id TEXT;
ALTER TABLE auth_sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE auth_sessions ADD COLUMN rotated_at BIGINT;
-- Sessions from before this change have no id to list them by: they end,
-- and everyone signs in once more (there is no portable SQL for a random
-- id that both databases share).
DELETE FROM auth_sessions;
CREATE UNIQUE INDEX auth_sessions_id ON auth_sessions(id);

-- Who a record was sent to (docs/decisions/0006): the PA it was visible to
-- and the version it first was, replacing pa_ever_saw. A tombstone for a
-- record no longer visible goes only to that PA, and only to a device that
-- has pulled past `seen_from`, so nobody else ever learns its id.
ALTER TABLE sync_records ADD COLUMN seen_by TEXT;
ALTER TABLE sync_records ADD COLUMN seen_from BIGINT;
UPDATE sync_records SET
    seen_by = (SELECT advisor_id FROM people WHERE people.id = sync_records.owner_id),
    seen_from = version
  WHERE pa_ever_saw = 1;

-- Each time a young person leaves a PA's caseload: that PA's next pull
-- takes her records off their devices.
CREATE TABLE caseload_departures (
    person_id  TEXT NOT NULL REFERENCES people(id),
    advisor_id TEXT NOT NULL REFERENCES people(id),
    version    BIGINT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX caseload_departures_advisor ON caseload_departures(advisor_id, version);

-- The audit trail names more actions now, some with no young person.
ALTER TABLE audit_events ADD COLUMN detail TEXT;
