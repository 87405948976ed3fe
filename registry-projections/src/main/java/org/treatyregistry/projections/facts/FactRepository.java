package org.treatyregistry.projections.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The projected facts of every stream. Inserts are idempotent (a replayed event finds its row and leaves it), and the
 * effective history of a stream is computed here: originals in sequence order, each replaced by its latest correction
 * recorded up to the instant asked for.
 */
@Repository
public class FactRepository {

    private static final RowMapper<StoredFact> ROW = (rs, i) -> new StoredFact(
            rs.getString("stream_id"), rs.getLong("sequence_number"), StreamType.valueOf(rs.getString("stream_type")),
            rs.getString("state_code"), rs.getString("fact_type"), (Long) rs.getObject("corrects_seq", Long.class),
            rs.getString("payload"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));

    public static final ReadModelTable TABLE = ReadModelTable.of("projected_fact", "stream_id", "stream_id", "sequence_number",
            "stream_type", "state_code", "fact_type", "corrects_seq", "payload", "recorded_at", "recorded_by");
    private static final String[] UNIQUE = {"stream_id", "sequence_number"};
    private static final String INSERT_IF_ABSENT = TABLE.insertIfAbsentSql(UNIQUE);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public FactRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return the row, with its fact decoded */
    public StoredFact insertIfAbsent(String streamId, long sequence, ClassifiedFact fact, Instant recordedAt, String recordedBy) {
        StoredFact row = stored(streamId, sequence, fact, recordedAt, recordedBy);
        jdbc.update(INSERT_IF_ABSENT, FactProjection.jdbcValues(TABLE.insertIfAbsentArgs(values(row), UNIQUE)));
        return row;
    }

    /** How many rows a stream has and the sequence number of its last: what tells whether a copy of it is whole. */
    public Extent extent(String streamId) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(sequence_number), -1) FROM projected_fact WHERE stream_id = ?",
                (rs, i) -> new Extent(rs.getLong(1), rs.getLong(2)), streamId);
    }

    /** @param rows how many rows a stream has; @param last the sequence number of its last (-1 when it has none) */
    public record Extent(long rows, long last) {
    }

    /** The rows with their facts decoded (rows that already carry theirs are kept as they are). */
    public List<StoredFact> decoded(List<StoredFact> rows) {
        List<StoredFact> decoded = new ArrayList<>(rows.size());
        for (StoredFact row : rows) {
            decoded.add(row.decoded() != null ? row : new StoredFact(row.streamId(), row.sequenceNumber(), row.streamType(),
                    row.state(), row.factType(), row.correctsSequence(), row.payload(), row.recordedAt(), row.recordedBy(),
                    read(row.payload(), row.streamType().factType())));
        }
        return decoded;
    }

    /** The projected_fact row of a fact, with the fact itself kept decoded. */
    public StoredFact stored(String streamId, long sequence, ClassifiedFact fact, Instant recordedAt, String recordedBy) {
        return stored(streamId, sequence, fact, recordedAt, recordedBy, null);
    }

    /** @param factJson the fact as JSON when the caller already has it as this repository would write it; else null */
    public StoredFact stored(String streamId, long sequence, ClassifiedFact fact, Instant recordedAt, String recordedBy, String factJson) {
        return new StoredFact(streamId, sequence, fact.streamType(), fact.state().value(), fact.fact().getClass().getSimpleName(),
                fact.correctsSequence(), factJson != null ? factJson : write(fact.fact()), recordedAt, recordedBy, fact.fact());
    }

    /** A row's values in {@link #TABLE}'s column order (recording time as a JDBC timestamp). */
    public static Object[] values(StoredFact row) {
        return new Object[]{row.streamId(), row.sequenceNumber(), row.streamType().name(), row.state(), row.factType(),
                row.correctsSequence(), row.payload(), row.recordedAt(), row.recordedBy()};
    }

    /** The rows of one stream recorded up to {@code recordedUpTo} ({@code null}: all). */
    public List<StoredFact> stream(String streamId, Instant recordedUpTo) {
        return jdbc.query("SELECT * FROM projected_fact WHERE stream_id = ? AND recorded_at <= ? ORDER BY sequence_number",
                ROW, streamId, Timestamp.from(upTo(recordedUpTo)));
    }

    /**
     * Hands over the rows of every stream of a type (for one state, or all when {@code state == null}) one stream at a
     * time, in stream order, reading them as a stream from the database: memory holds one stream, not the table.
     */
    public void forEachStream(StreamType type, String state, Instant recordedUpTo, BiConsumer<String, List<StoredFact>> action) {
        String sql = "SELECT * FROM projected_fact WHERE stream_type = ?" + (state == null ? "" : " AND state_code = ?")
                + " AND recorded_at <= ? ORDER BY stream_id, sequence_number";
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

    /** Originals in sequence order, each replaced by its latest correction among {@code rows}. */
    public <T> List<T> effective(List<StoredFact> rows, Class<T> type) {
        TreeMap<Long, T> facts = new TreeMap<>();
        for (StoredFact row : rows) {
            T fact = type.isInstance(row.decoded()) ? type.cast(row.decoded()) : read(row.payload(), type);
            facts.put(row.correctsSequence() == null ? row.sequenceNumber() : row.correctsSequence(), fact);
        }
        return new ArrayList<>(facts.values());
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
