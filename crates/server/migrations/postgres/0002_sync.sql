-- Sync (DESIGN §4). Kept in step with ../sqlite/0002_sync.sql.

-- The one change sequence. Every writing transaction increments this row
-- first, which serialises writers, so versions commit in order and a pull
-- cursor can never skip a change (a SEQUENCE or autoincrement could commit
-- out of order). Versions are increasing, not dense: a refused change
-- leaves a gap.
CREATE TABLE change_counter (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO change_counter (id, value) VALUES (1, 0);

-- Every syncable record, whatever its kind: fields and per-field stamps as
-- JSON text (see pathway_model::sync::merge). `owner_id` is the young person
-- whose record it is; `visible_to_pa` lets a kind keep some records private.
CREATE TABLE sync_records (
    id            TEXT PRIMARY KEY,
    entity        TEXT NOT NULL,
    owner_id      TEXT NOT NULL REFERENCES people(id),
    version       BIGINT NOT NULL,
    fields        TEXT NOT NULL,
    stamps        TEXT NOT NULL,
    deleted       BIGINT NOT NULL DEFAULT 0,
    visible_to_pa BIGINT NOT NULL DEFAULT 1,
    updated_at    BIGINT NOT NULL,
    updated_by    TEXT NOT NULL REFERENCES people(id)
);
CREATE INDEX sync_records_owner_version ON sync_records(owner_id, version);
CREATE INDEX sync_records_version ON sync_records(version);

-- The answer to every mutation, stored in the same transaction as its
-- effect: a retried mutation gets this answer back and changes nothing.
CREATE TABLE applied_mutations (
    mutation_id TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES people(id),
    client_id   TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    result      TEXT NOT NULL,
    at          BIGINT NOT NULL
);

-- Each device (client id) belongs to one person; last_seq is the highest
-- of its mutations the server has answered.
CREATE TABLE sync_clients (
    client_id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people(id),
    last_seq  BIGINT NOT NULL
);
