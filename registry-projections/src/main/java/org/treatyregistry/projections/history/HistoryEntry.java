package org.treatyregistry.projections.history;

import java.time.Instant;

/**
 * One event in a state's history.
 *
 * @param legalDate   when the fact happened in law, with its precision ("2015-04-21", "1998-08", "1994")
 * @param recordedAt  when the registry recorded it
 * @param recordedBy  who recorded it (a user, or import:BATCH, or system)
 * @param correctsSequence for a correction, the sequence number of the corrected event in the same stream
 * @param importBatch for an imported fact, the import it came with
 */
public record HistoryEntry(long globalIndex, String streamId, String streamType, long sequenceNumber, String state,
                           String body, String instrument, String eventType, String legalDate, String legalDatePrecision,
                           String summary, Instant recordedAt, String recordedBy, String sourceSymbol,
                           String sourceLocator, String sourceNote, Long correctsSequence, String correctionReason,
                           String importBatch) {

    public HistoryEntry(long globalIndex, String streamId, String streamType, long sequenceNumber, String state, String body,
                        String instrument, String eventType, String legalDate, String legalDatePrecision, String summary,
                        Instant recordedAt, String recordedBy, String sourceSymbol, String sourceLocator, String sourceNote,
                        Long correctsSequence, String correctionReason) {
        this(globalIndex, streamId, streamType, sequenceNumber, state, body, instrument, eventType, legalDate, legalDatePrecision,
                summary, recordedAt, recordedBy, sourceSymbol, sourceLocator, sourceNote, correctsSequence, correctionReason, null);
    }
}
