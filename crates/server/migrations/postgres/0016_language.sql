-- Issue 17: the language a person chose for Pathway's screens (its BCP 47
-- code, as catalogue::Language::code gives it: en-GB, ar, sq), kept with
-- the account so a new phone starts in it. NULL until they choose.
ALTER TABLE people ADD COLUMN language TEXT;
