-- On PostgreSQL an append no longer links its events into the chain itself (that serialised every append in the
-- system): it records here, in its own transaction, that the registry wrote the event, and the sealer
-- (audit.ChainSealer) links committed events in global-index order shortly after, deleting the marker. An event
-- without a marker was not written by the registry: the sealer leaves it out of the chain and verification reports
-- it as UNCHAINED. H2 keeps linking in the append's transaction and does not use this table.
CREATE TABLE event_chain_pending (
    event_identifier VARCHAR(255) PRIMARY KEY
);
