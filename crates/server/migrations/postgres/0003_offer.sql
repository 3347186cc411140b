-- Each council's local offer: one row per item, the item itself as JSON
-- (pathway_model::offer::OfferItem), in the order the council published it.
-- Kept in step with ../sqlite/0003_offer.sql.
CREATE TABLE offer_items (
    council_id TEXT NOT NULL REFERENCES councils(id),
    id         TEXT NOT NULL,
    position   BIGINT NOT NULL,
    category   TEXT NOT NULL,
    title      TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (council_id, id)
);
