-- Issue 19: a young person's share links for her health passport. Only
-- hashes of the link's token (sha256: it is 32 random bytes) and of its
-- passcode (sha256 of a per-link salt and the six digits: the tries are
-- limited below, so a fast hash is enough) are kept. Wrong passcodes are
-- counted here, not in a replica's memory: `window_start` and
-- `tries_in_window` for the 15-minute limit (each try is counted before
-- the passcode is checked and a right one given back, as sign-in does),
-- `wrong_in_all` for the limit that ends the link. Kept in step with ../postgres/0015_health_share.sql.
CREATE TABLE share_links (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    passcode_salt TEXT NOT NULL,
    passcode_hash TEXT NOT NULL,
    made_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ended_at BIGINT,
    ended_by_wrong_passcodes BIGINT NOT NULL DEFAULT 0,
    window_start BIGINT NOT NULL DEFAULT 0,
    tries_in_window BIGINT NOT NULL DEFAULT 0,
    wrong_in_all BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX share_links_by_owner ON share_links (owner_id, made_at);

-- Each opening with the right passcode: she sees them in her list of links
-- and in "Who looked at my record".
CREATE TABLE share_link_openings (
    link_id TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
    opened_at BIGINT NOT NULL
);
CREATE INDEX share_link_openings_by_link ON share_link_openings (link_id, opened_at);
