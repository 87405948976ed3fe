package org.treatyregistry.api.audit;

import org.postgresql.PGStatement;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

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

    /**
     * The instant of a stored {@code time_stamp}. Axon writes it as ISO-8601 in UTC ({@code 2026-11-22T14:36:48.720Z});
     * that form is read directly, anything else by {@link Instant#parse}, which gives the same instants at several
     * times the cost (it was a tenth of a rebuild's reading thread).
     */
    public static Instant instant(String timeStamp) {
        int length = timeStamp.length();
        if (length < 20 || length > 30 || timeStamp.charAt(length - 1) != 'Z' || timeStamp.charAt(4) != '-'
                || timeStamp.charAt(7) != '-' || timeStamp.charAt(10) != 'T' || timeStamp.charAt(13) != ':'
                || timeStamp.charAt(16) != ':') {
            return Instant.parse(timeStamp);
        }
        int year = digits(timeStamp, 0, 4);
        int month = digits(timeStamp, 5, 7);
        int day = digits(timeStamp, 8, 10);
        int hour = digits(timeStamp, 11, 13);
        int minute = digits(timeStamp, 14, 16);
        int second = digits(timeStamp, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = fractionDigits >= 1 && fractionDigits <= 9 && timeStamp.charAt(19) == '.'
                    ? digits(timeStamp, 20, length - 1) : -1;
            if (fraction < 0) {
                return Instant.parse(timeStamp);
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (timeStamp.charAt(19) != 'Z') {
            return Instant.parse(timeStamp);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Instant.parse(timeStamp);
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return Instant.parse(timeStamp);
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 if it holds anything but ASCII digits. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    public String metaDataText() {
        return metaData == null ? null : new String(metaData, StandardCharsets.UTF_8);
    }
}
