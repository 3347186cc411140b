-- A council's offer revision: bumped in the same transaction that replaces
-- its offer, so a server that keeps the offer in memory (db/offer.rs) can
-- tell, from the council row it reads anyway, whether its copy is current,
-- also when another replica or the import command made the change.
-- Kept in step with ../sqlite/0005_offer_revision.sql.
ALTER TABLE councils ADD COLUMN offer_revision BIGINT NOT NULL DEFAULT 0;
