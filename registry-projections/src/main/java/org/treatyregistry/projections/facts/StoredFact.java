package org.treatyregistry.projections.facts;

import java.time.Instant;

/** A row of projected_fact: one recorded fact (or correction) of a stream, as JSON with its type. */
public record StoredFact(String streamId, long sequenceNumber, StreamType streamType, String state, String factType,
                         Long correctsSequence, String payload, Instant recordedAt, String recordedBy) {
}
