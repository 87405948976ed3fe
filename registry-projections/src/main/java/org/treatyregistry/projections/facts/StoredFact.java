package org.treatyregistry.projections.facts;

import java.time.Instant;

/**
 * A row of projected_fact: one recorded fact (or correction) of a stream, as JSON with its type. {@code decoded} is the
 * fact itself when whoever built the row already had it (the projection, the bulk rebuild), so that it is not parsed
 * again; else null. {@code payload} is null only when the fact is decoded and its row leaves the JSON to the event
 * store (FactRepository).
 */
public record StoredFact(String streamId, long sequenceNumber, StreamType streamType, String state, String factType,
                         Long correctsSequence, String payload, Instant recordedAt, String recordedBy, Object decoded) {

    public StoredFact(String streamId, long sequenceNumber, StreamType streamType, String state, String factType,
                      Long correctsSequence, String payload, Instant recordedAt, String recordedBy) {
        this(streamId, sequenceNumber, streamType, state, factType, correctsSequence, payload, recordedAt, recordedBy, null);
    }

    public StoredFact withPayload(String json) {
        return new StoredFact(streamId, sequenceNumber, streamType, state, factType, correctsSequence, json, recordedAt, recordedBy, decoded);
    }

    public StoredFact withDecoded(Object fact) {
        return new StoredFact(streamId, sequenceNumber, streamType, state, factType, correctsSequence, payload, recordedAt, recordedBy, fact);
    }
}
