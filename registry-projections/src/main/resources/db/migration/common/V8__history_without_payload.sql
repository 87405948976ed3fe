-- The history never showed the event's JSON (the event log and projected_fact hold it): one copy fewer to write on
-- every event and on every rebuild.
ALTER TABLE history_entry DROP COLUMN payload;
