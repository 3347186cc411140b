-- Foundation: councils, people (all roles), sign-in sessions, audit trail.
-- Times are Unix milliseconds (BIGINT); calendar dates are ISO 'YYYY-MM-DD'
-- text, which sorts correctly. Kept in step with ../sqlite/0001_foundation.sql.

CREATE TABLE councils (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    team_phone  TEXT,
    team_email  TEXT,
    sample_data BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    council_id      TEXT NOT NULL REFERENCES councils(id),
    role            TEXT NOT NULL CHECK (role IN ('young_person', 'advisor', 'manager')),
    username        TEXT NOT NULL UNIQUE,
    passphrase_hash TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    last_name       TEXT NOT NULL,
    phone           TEXT,
    email           TEXT,
    date_of_birth   TEXT,
    legal_status    TEXT,
    -- Space-separated circumstance words (see pathway_model::profile).
    circumstances   TEXT NOT NULL DEFAULT '',
    advisor_id      TEXT REFERENCES people(id),
    last_contact    TEXT,
    disabled_at     BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX people_advisor ON people(advisor_id);
CREATE INDEX people_council_role ON people(council_id, role);

CREATE TABLE auth_sessions (
    -- SHA-256 of the cookie's token: a stolen database cannot be replayed.
    token_hash   TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES people(id),
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX auth_sessions_person ON auth_sessions(person_id);

CREATE TABLE audit_events (
    id         TEXT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES people(id),
    subject_id TEXT NOT NULL REFERENCES people(id),
    action     TEXT NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events(subject_id, at);
