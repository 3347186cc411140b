-- Who saw a record before issue 13 (decision 0006). 0006 took each record's
-- current version as the version its PA first saw it from, but a PA's
-- device may have had it from an earlier version: hidden now, such a device
-- would never be told to drop it. The earliest version there is instead:
-- every device of that PA that has pulled at all gets the tombstone (that
-- PA saw the record, so its id tells them nothing new); a device pulling
-- from the start still gets none. Kept in step with ../postgres/0008_moves.sql.
UPDATE sync_records SET seen_from = 1 WHERE seen_by IS NOT NULL;
