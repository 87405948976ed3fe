-- A projected fact that is its event's payload may leave its JSON to the event store when that store is in this
-- database (FactRepository, EventPayloads): NULL then means "the payload of the event with this stream and sequence".
-- Corrections, and every fact with Axon Server or an upcaster, still carry their JSON.
ALTER TABLE projected_fact ALTER COLUMN payload DROP NOT NULL;
