package org.treatyregistry.projections.facts;

import java.time.Instant;

/**
 * A row of projected_fact: one recorded fact (or correction) of a stream, as JSON with its type. {@code decoded} is the
 * fact itself when whoever built the row already had it (the bulk rebuild), so that it is not parsed again; else null.
 */
public record StoredFact(String streamId, long sequenceNumber, StreamType streamType, String state, String factType,
                         Long correctsSequence, String payload, Instant recordedAt, String recordedBy, Object decoded) {

    public StoredFact(String streamId, long sequenceNumber, StreamType streamType, String state, String factType,
                      Long correctsSequence, String payload, Instant recordedAt, String recordedBy) {
        this(streamId, sequenceNumber, streamType, state, factType, correctsSequence, payload, recordedAt, recordedBy, null);
    }
}
