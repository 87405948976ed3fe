-- Provenance: the import batch an event came from (metadata importBatch), shown in the history.
ALTER TABLE history_entry ADD COLUMN import_batch VARCHAR(64);
