-- Issue 16: managers keep their council's offer current in the app.
-- offer_drafts: the offer as a manager is editing it, the whole list of
--   items as JSON (Vec<OfferItem>), one per council; gone once published.
-- offer_retired: items a council stopped offering, as they last were (JSON
--   OfferItem), so a young person who tracked one still sees it, marked
--   "no longer offered".
-- offer_history: one line per item each time an offer is published (who,
--   when, what changed). Times are Unix milliseconds.
-- Kept in step with the other dialect's 0014_offer_editor.sql.
CREATE TABLE offer_drafts (
    council_id TEXT PRIMARY KEY REFERENCES councils(id),
    items      TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES people(id)
);

CREATE TABLE offer_retired (
    council_id TEXT NOT NULL REFERENCES councils(id),
    id         TEXT NOT NULL,
    data       TEXT NOT NULL,
    retired_at BIGINT NOT NULL,
    PRIMARY KEY (council_id, id)
);

CREATE TABLE offer_history (
    id         TEXT PRIMARY KEY,
    council_id TEXT NOT NULL REFERENCES councils(id),
    at         BIGINT NOT NULL,
    by_name    TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    title      TEXT NOT NULL,
    change     TEXT NOT NULL,
    fields     TEXT NOT NULL
);
CREATE INDEX offer_history_by_council ON offer_history (council_id, at);
