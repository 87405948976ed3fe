package org.treatyregistry.projections.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The projected facts of every stream. Inserts are idempotent (a replayed event finds its row and leaves it), and the
 * effective history of a stream is computed here: originals in sequence order, each replaced by its latest correction
 * recorded up to the instant asked for.
 * <p>
 * When the event store is in the same database ({@link EventPayloads}), a fact that is its event's payload (every fact
 * but a correction's) is not copied: its row's payload is NULL and is read from the event's row. That halves what a
 * rebuild and every projected event write (the payload is most of a row). With Axon Server, or once an upcaster exists,
 * every row carries its JSON; rows that still point at the event store are then rebuilt (ProjectionAdmin).
 */
// a plain component: every query goes through JdbcTemplate, which translates SQL errors itself, and the
// exception-translating proxy of @Repository cost a rebuild ~3% of its reading thread in reflection
@Component
public class FactRepository {

    private static final String COLUMNS = "f.stream_id, f.sequence_number, f.stream_type, f.state_code, f.fact_type,"
            + " f.corrects_seq, f.payload, f.recorded_at, f.recorded_by";
    // a row as stored: its payload NULL when it leaves it to its event
    private static final RowMapper<StoredFact> AS_STORED = (rs, i) -> new StoredFact(rs.getString(1), rs.getLong(2),
            StreamType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class),
            rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9));
    // a row with its payload, its event's (column 10) where it leaves it to the event
    private static final RowMapper<StoredFact> ROW = (rs, i) -> {
        StoredFact row = AS_STORED.mapRow(rs, i);
        if (row.payload() != null) {
            return row;
        }
        String event = text(rs.getObject(10));
        if (event == null) {
            throw missingEvent(row.streamId(), row.sequenceNumber());
        }
        return row.withPayload(event);
    };

    /** An event payload as the query returned it: text where the database decoded it, else the stored bytes. */
    private static String text(Object payload) {
        return payload == null || payload instanceof String ? (String) payload : new String((byte[]) payload, StandardCharsets.UTF_8);
    }

    private static IllegalStateException missingEvent(String streamId, long sequence) {
        return new IllegalStateException("the projected fact " + streamId + "#" + sequence
                + " refers to its event's payload, which this registry does not read from its event store (no such event,"
                + " Axon Server, or an upcaster): rebuild the read models");
    }

    public static final ReadModelTable TABLE = ReadModelTable.of("projected_fact", "stream_id", "stream_id", "sequence_number",
            "stream_type", "state_code", "fact_type", "corrects_seq", "payload", "recorded_at", "recorded_by");
    private static final String INSERT_IF_ABSENT = TABLE.insertIfAbsentSql();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final boolean referencesEvents;
    // the rows of projected_fact, each with its event's payload where the row leaves it to the event (column 10)
    private final String select;
    // one stream's event payloads, for the rows that leave theirs to the event (a range of the event table's index,
    // cheaper than looking each event up from its row)
    private final String streamPayloads;

    public FactRepository(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<EventPayloads> eventPayloads) {
        this.jdbc = jdbc;
        this.json = json;
        EventPayloads events = eventPayloads.getIfAvailable();
        this.referencesEvents = events != null;
        String payloadAsText = events == null ? "NULL" : payloadAsText(jdbc);
        this.streamPayloads = events == null ? null : "SELECT e.sequence_number, " + payloadAsText + " FROM " + events.eventTable()
                + " e WHERE e.aggregate_identifier = ? AND e.sequence_number <= ?";
        this.select = "SELECT " + COLUMNS + ", " + payloadAsText + " AS event_payload FROM projected_fact f"
                + (events == null ? "" : " LEFT JOIN " + events.eventTable() + " e ON f.payload IS NULL"
                + " AND e.aggregate_identifier = f.stream_id AND e.sequence_number = f.sequence_number");
    }

    /**
     * The event's payload (binary) as text, decoded by the database where it can: PostgreSQL would otherwise send the
     * bytes hex-encoded, twice as many, for the driver to decode.
     */
    private static String payloadAsText(JdbcTemplate jdbc) {
        String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return switch (database == null ? "" : database) {
            case "PostgreSQL" -> "convert_from(e.payload, 'UTF8')";
            case "H2" -> "UTF8TOSTRING(e.payload)";
            default -> "e.payload";
        };
    }

    /** Whether facts that are their event's payload are left to the event store (see the class comment). */
    public boolean referencesEventPayloads() {
        return referencesEvents;
    }

    /** Inserts the rows, in one JDBC batch, each unless its stream already has its sequence number (a replay). */
    public void insertAllIfAbsent(List<StoredFact> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        rows.forEach(row -> args.add(FactProjection.jdbcValues(values(row))));
        FactProjection.execute(jdbc, INSERT_IF_ABSENT, args);
    }

    /**
     * For each stream whose row of the given sequence number is still there, how many rows it has after that one and
     * the sequence number of its last: what tells whether a copy of the stream that ends at that row is still whole
     * (see FactProjection). One index range per stream, from the copy's last row, instead of counting every row of a
     * long stream. Streams without that row are absent from the answer.
     */
    public Map<String, Extent> extentsFrom(Map<String, Long> fromSequence) {
        Map<String, Extent> extents = new HashMap<>();
        if (fromSequence.isEmpty()) {
            return extents;
        }
        String[] ids = fromSequence.keySet().toArray(String[]::new);
        Long[] from = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            from[i] = fromSequence.get(ids[i]);
        }
        // subqueries per stream, not a join: a join's plan for a parameter array is a guess, and PostgreSQL's was a
        // scan of the whole table (20 ms a batch, against well under 1 ms for these index ranges)
        jdbc.query("SELECT k.id,"
                        + " (SELECT COUNT(*) FROM projected_fact f WHERE f.stream_id = k.id AND f.sequence_number = k.from_sequence),"
                        + " (SELECT COUNT(*) FROM projected_fact f WHERE f.stream_id = k.id AND f.sequence_number > k.from_sequence),"
                        + " (SELECT MAX(f.sequence_number) FROM projected_fact f WHERE f.stream_id = k.id)"
                        + " FROM UNNEST(?, ?) AS k(id, from_sequence)",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR", ids));
                    statement.setArray(2, statement.getConnection().createArrayOf("BIGINT", from));
                },
                (RowCallbackHandler) rs -> {
                    if (rs.getLong(2) == 1) {
                        extents.put(rs.getString(1), new Extent(rs.getLong(3), rs.getLong(4)));
                    }
                });
        return extents;
    }

    /** @param rowsAfter how many rows a stream has after the one asked for; @param last the sequence number of its last */
    public record Extent(long rowsAfter, long last) {
    }

    /** The rows with their facts decoded (rows that already carry theirs are kept as they are). */
    public List<StoredFact> decoded(List<StoredFact> rows) {
        List<StoredFact> decoded = new ArrayList<>(rows.size());
        for (StoredFact row : rows) {
            decoded.add(row.decoded() != null ? row : row.withDecoded(read(row.payload(), row.streamType().factType())));
        }
        return decoded;
    }

    /** The projected_fact row of a fact, with the fact itself kept decoded. */
    public StoredFact stored(String streamId, long sequence, ClassifiedFact fact, Instant recordedAt, String recordedBy) {
        return stored(streamId, sequence, fact, recordedAt, recordedBy, null);
    }

    /**
     * @param factJson the fact as JSON when the caller already has it as this repository would write it; else null. No
     *                 JSON is made for a fact whose row leaves it to the event store.
     */
    public StoredFact stored(String streamId, long sequence, ClassifiedFact fact, Instant recordedAt, String recordedBy, String factJson) {
        String json = factJson != null || leavesPayloadToEvent(fact.correctsSequence()) ? factJson : write(fact.fact());
        return new StoredFact(streamId, sequence, fact.streamType(), fact.state().value(), fact.fact().getClass().getSimpleName(),
                fact.correctsSequence(), json, recordedAt, recordedBy, fact.fact());
    }

    private boolean leavesPayloadToEvent(Long correctsSequence) {
        return referencesEvents && correctsSequence == null;
    }

    /**
     * A row's values in {@link #TABLE}'s column order (recording time as a JDBC timestamp); the payload NULL when it is
     * the event's own (not a correction) and the event store holds it.
     */
    public Object[] values(StoredFact row) {
        return new Object[]{row.streamId(), row.sequenceNumber(), row.streamType().name(), row.state(), row.factType(),
                row.correctsSequence(), leavesPayloadToEvent(row.correctsSequence()) ? null : row.payload(),
                row.recordedAt(), row.recordedBy()};
    }

    /** The rows of one stream recorded up to {@code recordedUpTo} ({@code null}: all). */
    public List<StoredFact> stream(String streamId, Instant recordedUpTo) {
        return stream(streamId, recordedUpTo, List.of());
    }

    /**
     * The rows of one stream, with {@code known}: rows the caller holds with their facts (the events of the batch being
     * projected), which stand in for a row whose event the store no longer returns (deleted since it was read).
     */
    public List<StoredFact> stream(String streamId, Instant recordedUpTo, List<StoredFact> known) {
        List<StoredFact> rows = jdbc.query("SELECT " + COLUMNS + " FROM projected_fact f WHERE f.stream_id = ? AND f.recorded_at <= ?"
                + " ORDER BY f.sequence_number", AS_STORED, streamId, Timestamp.from(upTo(recordedUpTo)));
        if (rows.stream().allMatch(row -> row.payload() != null)) {
            return rows;
        }
        // the rows that leave their payload to their events get it from one range of the event table
        Map<Long, String> payloads = new HashMap<>();
        if (streamPayloads != null) {
            jdbc.query(streamPayloads, (RowCallbackHandler) rs -> payloads.put(rs.getLong(1), text(rs.getObject(2))),
                    streamId, rows.get(rows.size() - 1).sequenceNumber());
        }
        Map<Long, StoredFact> held = new HashMap<>();
        known.stream().filter(row -> row.decoded() != null).forEach(row -> held.put(row.sequenceNumber(), row));
        List<StoredFact> complete = new ArrayList<>(rows.size());
        for (StoredFact row : rows) {
            String payload = payloads.get(row.sequenceNumber());
            if (row.payload() != null) {
                complete.add(row);
            } else if (payload != null) {
                complete.add(row.withPayload(payload));
            } else if (held.containsKey(row.sequenceNumber())) {
                complete.add(held.get(row.sequenceNumber()));
            } else {
                throw missingEvent(row.streamId(), row.sequenceNumber());
            }
        }
        return complete;
    }

    /**
     * Hands over the rows of every stream of a type (for one state, or all when {@code state == null}) one stream at a
     * time, in stream order, reading them as a stream from the database: memory holds one stream, not the table.
     */
    public void forEachStream(StreamType type, String state, Instant recordedUpTo, BiConsumer<String, List<StoredFact>> action) {
        String sql = select + " WHERE f.stream_type = ?" + (state == null ? "" : " AND f.state_code = ?")
                + " AND f.recorded_at <= ? ORDER BY f.stream_id, f.sequence_number";
        List<Object> args = new ArrayList<>(List.of(type.name()));
        if (state != null) {
            args.add(state);
        }
        args.add(Timestamp.from(upTo(recordedUpTo)));
        List<StoredFact> current = new ArrayList<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(1000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> {
            StoredFact row = ROW.mapRow(rs, 0);
            if (!current.isEmpty() && !current.get(0).streamId().equals(row.streamId())) {
                action.accept(current.get(0).streamId(), List.copyOf(current));
                current.clear();
            }
            current.add(row);
        });
        if (!current.isEmpty()) {
            action.accept(current.get(0).streamId(), List.copyOf(current));
        }
    }

    /**
     * Originals in sequence order, each replaced by its latest correction among {@code rows}. Rows come in sequence
     * order, so an original lands after every fact before it and a correction on its original: no sorted map is
     * needed (building one took 7% of a rebuild's reading thread). A correction of a sequence not among the rows takes
     * that sequence's place, as an original would.
     */
    public <T> List<T> effective(List<StoredFact> rows, Class<T> type) {
        List<T> facts = new ArrayList<>(rows.size());
        long[] keys = new long[rows.size()];
        for (StoredFact row : rows) {
            T fact = type.isInstance(row.decoded()) ? type.cast(row.decoded()) : read(row.payload(), type);
            long key = row.correctsSequence() == null ? row.sequenceNumber() : row.correctsSequence();
            int n = facts.size();
            if (n == 0 || key > keys[n - 1]) {
                keys[n] = key;
                facts.add(fact);
                continue;
            }
            int at = Arrays.binarySearch(keys, 0, n, key);
            if (at >= 0) {
                facts.set(at, fact);
            } else {
                int insert = -at - 1;
                System.arraycopy(keys, insert, keys, insert + 1, n - insert);
                keys[insert] = key;
                facts.add(insert, fact);
            }
        }
        return facts;
    }

    private static Instant upTo(Instant recordedUpTo) {
        return recordedUpTo == null ? Instant.parse("9999-12-31T00:00:00Z") : recordedUpTo;
    }

    private String write(Object fact) {
        try {
            return json.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + fact.getClass(), e);
        }
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a projected " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
