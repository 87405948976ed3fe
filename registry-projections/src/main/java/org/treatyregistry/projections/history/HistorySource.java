package org.treatyregistry.projections.history;

import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.List;

/**
 * Where the history's entries are read from: the projection's own table ({@link HistoryTable}) or the event store's
 * ({@link HistoryFromEvents}). {@link HistoryProjection} picks one at start and asks it for the pieces of its queries.
 */
interface HistorySource {

    /** The columns {@link #entries()} reads, for a SELECT. */
    String columns();

    /** The FROM clause, with a leading space. */
    String from();

    /** The column of an entry's global position, which orders the history and keys its slices. */
    String position();

    /** The SQL conditions of the filters other than the legal-date range (a WHERE clause), their values added to {@code args}. */
    String where(String state, String body, String instrument, String eventType, Instant recordedUpTo, List<Object> args);

    /** A row of {@link #columns()} as its entry. */
    RowMapper<HistoryEntry> entries();
}
