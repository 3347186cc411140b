-- Issue 14: "last contact" now comes from the young person's contact
-- records (the `contact` record kind), worked out with her plan review
-- (pathway_model::meeting::rhythm). The column only ever held the demo
-- seed's dates, so nothing is carried over. Kept in step with
-- ../postgres/0009_contact_records.sql.
ALTER TABLE people DROP COLUMN last_contact;
