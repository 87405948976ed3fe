-- The history is read from the event table itself (HistoryFromEvents), a state's entries through this index: a stream's
-- state is the second part of its identifier ("participation:KAZ:CCPR"). The expression must stay the one the
-- history's queries use (HistoryFromEvents.STATE), or PostgreSQL will not use the index for them.
CREATE INDEX domain_event_state ON domain_event_entry
    ((SUBSTRING(aggregate_identifier FROM POSITION(':' IN aggregate_identifier) + 1 FOR 3)), global_index);
