package org.treatyregistry.projections.history;

import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The history as the projection writes it, a row of history_entry per event: with Axon Server, or once an upcaster exists. */
final class HistoryTable implements HistorySource {

    private static final RowMapper<HistoryEntry> ENTRIES = (rs, i) -> new HistoryEntry(
            rs.getLong("global_index"), rs.getString("stream_id"), rs.getString("stream_type"), rs.getLong("sequence_number"),
            rs.getString("state_code"), rs.getString("body"), rs.getString("instrument"), rs.getString("event_type"),
            rs.getString("legal_date"), rs.getString("legal_date_precision"), rs.getString("summary"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("source_symbol"),
            rs.getString("source_locator"), rs.getString("source_note"), (Long) rs.getObject("corrects_seq", Long.class),
            rs.getString("correction_reason"), rs.getString("import_batch"));

    @Override
    public String columns() {
        return "*";
    }

    @Override
    public String from() {
        return " FROM history_entry";
    }

    @Override
    public String position() {
        return "global_index";
    }

    @Override
    public String where(String state, String body, String instrument, String eventType, Instant recordedUpTo, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        and(where, args, "state_code = ?", state);
        and(where, args, "body = ?", body);
        and(where, args, "instrument = ?", instrument);
        and(where, args, "event_type = ?", eventType);
        and(where, args, "recorded_at <= ?", recordedUpTo == null ? null : Timestamp.from(recordedUpTo));
        return where.toString();
    }

    @Override
    public RowMapper<HistoryEntry> entries() {
        return ENTRIES;
    }

    /** A filter's condition, when the filter is given. */
    private static void and(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }
}
