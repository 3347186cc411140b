-- People around a young person, and private health entries. Kept in step
-- with ../sqlite/0004_people_health.sql.

-- A record a PA has ever been sent. When it stops being visible to them (a
-- health entry made "only me"), their next pull carries a tombstone for it,
-- so it leaves their device too; a record they never saw is never
-- mentioned to them at all, not even by its id.
ALTER TABLE sync_records ADD COLUMN pa_ever_saw BIGINT NOT NULL DEFAULT 0;
UPDATE sync_records SET pa_ever_saw = visible_to_pa;
CREATE INDEX sync_records_entity_owner ON sync_records(entity, owner_id);
-- When the record first reached the server (an alert's "received at").
ALTER TABLE sync_records ADD COLUMN created_at BIGINT;
UPDATE sync_records SET created_at = updated_at;

-- The council's out-of-hours duty team.
ALTER TABLE councils ADD COLUMN duty_phone TEXT;
ALTER TABLE councils ADD COLUMN duty_hours TEXT;

-- People who are not Pathway users: a young person's social worker and
-- independent reviewing officer (under 18).
CREATE TABLE person_contacts (
    person_id TEXT NOT NULL REFERENCES people(id),
    role      TEXT NOT NULL CHECK (role IN ('social_worker', 'iro')),
    name      TEXT NOT NULL,
    phone     TEXT,
    email     TEXT,
    hours     TEXT,
    PRIMARY KEY (person_id, role)
);
