-- Issue 15, finding 8: the open-data routes page and search in the
-- database instead of reading a council's whole offer. `search_text` is
-- what a search looks through (title, summary, details and category, in
-- lower case) and `oruk_id` the item's Open Referral id, both written with
-- the item (db/offer.rs). Rows from before this are filled in by the
-- server when it migrates (`offer::fill_search`), as the words come from
-- the model's rules, not from SQL.
-- Kept in step with the other dialect's 0013_offer_search.sql.
ALTER TABLE offer_items ADD COLUMN search_text TEXT;
ALTER TABLE offer_items ADD COLUMN oruk_id TEXT;
CREATE INDEX offer_items_by_oruk_id ON offer_items (council_id, oruk_id);
