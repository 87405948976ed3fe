package org.treatyregistry.api.audit;

import org.postgresql.PGStatement;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** An event as the JDBC event store holds it: the exact stored bytes, which the hash chain covers. */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String aggregateType, String timeStamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData) {

    static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";
    /** {@link #COLUMNS}, each qualified by the event table's alias {@code e}. */
    static final String E_COLUMNS = COLUMNS.replaceAll("(\\w+)", "e.$1");
    /**
     * Every stored event, with {@code registered}: whether its marker is still pending (the registry wrote it and the
     * sealer has not linked it yet). Callers add their WHERE and ORDER BY.
     */
    static final String SELECT_WITH_MARKER = "SELECT " + E_COLUMNS + ", p.event_identifier IS NOT NULL AS registered"
            + " FROM domain_event_entry e LEFT JOIN event_chain_pending p ON p.event_identifier = e.event_identifier";

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("type"), rs.getString("time_stamp"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    /**
     * Asks PostgreSQL for a scan's rows in its binary format from the first execution: payload and metadata are BYTEA,
     * which the text format sends hex-encoded (twice the bytes, encoded by the server and decoded by the driver).
     * Other databases are left as they are.
     */
    public static void readInBinary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public String metaDataText() {
        return metaData == null ? null : new String(metaData, StandardCharsets.UTF_8);
    }
}
