-- Issue 17: the language a person chose for Pathway's screens (a code the
-- model's catalogue::Language reads: english, arabic, albanian), kept with
-- the account so a new phone starts in it. NULL until they choose.
ALTER TABLE people ADD COLUMN language TEXT;
