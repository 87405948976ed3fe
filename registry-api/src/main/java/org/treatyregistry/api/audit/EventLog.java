package org.treatyregistry.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.treatyregistry.api.config.AggregateCaches;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.projections.facts.ClassifiedFact;
import org.treatyregistry.projections.history.HistoryProjection;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The event stream as JSON Lines, one event a line, with its position, stream, type and revision, timestamp, payload
 * and metadata, the exact stored text of both (what the hash chain covers) and its chain link. Importing such a file
 * into an empty store reproduces the registry: the events keep their identifiers, sequence numbers and timestamps.
 */
@Service
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventLog {

    /** The registry's events are all in this package: an import does not load other classes by name. */
    private static final String EVENT_PACKAGE = "org.treatyregistry.core.";
    private static final int EXPORT_FETCH = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Serializer eventSerializer;
    private final ChainSealer sealer;
    private final TransactionTemplate importTransaction;
    private final TransactionTemplate exportTransaction;
    /** Events per COPY (or JDBC batch) of an import. */
    private final int importChunk;
    private final AggregateCaches aggregates;

    public EventLog(JdbcTemplate jdbc, ObjectMapper json, @Qualifier("eventSerializer") Serializer eventSerializer,
                    ChainSealer sealer, PlatformTransactionManager transactions,
                    @Value("${registry.audit.import-chunk:2000}") int importChunk, AggregateCaches aggregates) {
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.json = json;
        this.eventSerializer = eventSerializer;
        this.sealer = sealer;
        this.importTransaction = new TransactionTemplate(transactions);
        this.exportTransaction = new TransactionTemplate(transactions);
        exportTransaction.setReadOnly(true);
        exportTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.importChunk = importChunk;
    }

    /**
     * Writes the events of one state ({@code null}: all) recorded up to {@code recordedUpTo} ({@code null}: all).
     *
     * @return how many lines were written
     */
    public long export(String state, Instant recordedUpTo, OutputStream out) {
        String where = state == null ? "" : " WHERE e.aggregate_identifier LIKE ? OR e.aggregate_identifier = ?";
        Object[] args = state == null ? new Object[0] : new Object[]{"%:" + state + ":%", "upr:" + state};
        long[] written = {0};
        // link what is committed first, so that the links in the file do not depend on when the sealer last ran
        sealer.sealCommitted();
        String sql = "SELECT " + StoredEvent.E_COLUMNS + ", c.previous_hash, c.hash,"
                + " p.event_identifier IS NOT NULL AS pending FROM domain_event_entry e"
                + " LEFT JOIN event_chain c ON c.global_index = e.global_index"
                + " LEFT JOIN event_chain_pending p ON p.event_identifier = e.event_identifier" + where + " ORDER BY e.global_index";
        // PostgreSQL's driver reads a whole result into memory unless it is fetched through a cursor, which needs a
        // transaction: a million events ran the heap out (docs/performance.md, session 9). The transaction also makes the
        // file one snapshot of the store.
        exportTransaction.executeWithoutResult(status -> jdbc.query(c -> {
            PreparedStatement select = c.prepareStatement(sql);
            select.setFetchSize(EXPORT_FETCH);
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            return select;
        }, (RowCallbackHandler) rs -> {
            StoredEvent event = StoredEvent.read(rs);
            if (recordedUpTo != null && Instant.parse(event.timeStamp()).isAfter(recordedUpTo)) {
                return;
            }
            ObjectNode line = json.createObjectNode();
            line.put("globalIndex", event.globalIndex());
            line.put("eventIdentifier", event.eventIdentifier());
            line.put("aggregateIdentifier", event.aggregateIdentifier());
            line.put("aggregateType", event.aggregateType());
            line.put("sequenceNumber", event.sequenceNumber());
            line.put("eventType", event.payloadType());
            line.put("revision", event.payloadRevision());
            line.put("timestamp", event.timeStamp());
            line.set("payload", parse(event.payloadText()));
            line.set("metaData", event.metaData() == null ? json.createObjectNode() : parse(event.metaDataText()));
            line.put("storedPayload", event.payloadText());
            line.put("storedMetaData", event.metaDataText());
            ObjectNode chain = line.putObject("chain");
            chain.put("previousHash", rs.getString("previous_hash"));
            chain.put("hash", rs.getString("hash"));
            if (rs.getString("hash") == null && rs.getBoolean("pending")) {
                // committed, not linked yet: a transaction in progress holds an earlier position (docs/audit.md)
                chain.put("pending", true);
            }
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[0]++;
        }));
        return written[0];
    }

    /**
     * Appends the events of a JSON Lines log to an empty store, all or nothing: one transaction, which a bad line (or any
     * failure) rolls back whole, leaving the store empty. Every line is checked (its payload must deserialise into a
     * registry event with the event serializer) but stored as the text the log gives, and the chain is computed here,
     * under the chain head's lock, rather than by the event store (see docs/audit.md).
     */
    public long importInto(BufferedReader lines) throws IOException {
        try {
            return importTransaction.execute(status -> jdbc.execute((Connection c) -> {
                try {
                    return importInto(lines, c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            // the store was empty: an aggregate still cached from before it was emptied (outside the registry) could be
            // ahead of the imported stream, which no append would notice (see CheckedAggregateCache)
            aggregates.clear();
        }
    }

    private long importInto(BufferedReader lines, Connection c) throws IOException, SQLException {
        boolean postgres = "PostgreSQL".equals(c.getMetaData().getDatabaseProductName());
        if (postgres) {
            // appends take no lock on PostgreSQL: this one makes any append wait until the import has committed (and
            // waits for those under way, which the emptiness check below then sees). Readers are not blocked.
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE domain_event_entry IN SHARE ROW EXCLUSIVE MODE");
            }
        }
        String previous;
        try (PreparedStatement lock = c.prepareStatement("SELECT global_index, hash FROM event_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the event chain head is missing: the store was not created by the registry's migrations");
            }
            previous = rs.getString(2);
        }
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM domain_event_entry LIMIT 1) AS any_event", Long.class);
        if (existing != null && existing > 0) {
            long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            throw RegistryException.conflict("STORE_NOT_EMPTY", null,
                    "an event log is imported into an empty store only; this store holds " + count + " events");
        }
        long imported;
        try (ImportWriter writer = postgres ? new CopyWriter(c) : new BatchWriter(c)) {
            imported = importInto(lines, c, writer, previous);
        }
        if (postgres && imported > 0) {
            // the planner's statistics still describe the empty store until autovacuum comes round (a minute or more): the
            // rebuild that follows an import would read the streams through a sort of the whole table on disk instead of
            // their index (docs/performance.md, session 9). In this transaction ANALYZE counts the rows it wrote (its row
            // estimates stay if the import then rolls back: harmless, they are estimates).
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE domain_event_entry, event_chain");
            }
        }
        return imported;
    }

    private long importInto(BufferedReader lines, Connection c, ImportWriter writer, String previous) throws IOException, SQLException {
        long count = 0;
        int lineNumber = 0;
        List<ImportedEvent> chunk = new ArrayList<>(importChunk);
        String text;
        while ((text = lines.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            chunk.add(parse(text, lineNumber));
            count++;
            if (chunk.size() == importChunk) {
                previous = writer.write(chunk, previous);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            previous = writer.write(chunk, previous);
        }
        long last = writer.finish();
        if (count > 0) {
            try (PreparedStatement head = c.prepareStatement("UPDATE event_chain_head SET global_index = ?, hash = ? WHERE id = 1")) {
                head.setLong(1, last);
                head.setString(2, previous);
                head.executeUpdate();
            }
        }
        return count;
    }

    /** One line of the log, checked, as it will be stored. */
    private record ImportedEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String aggregateType,
                                 String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        StoredEvent at(long globalIndex) {
            return new StoredEvent(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, aggregateType, timeStamp,
                    payloadType, payloadRevision, payload, metaData);
        }
    }

    private interface ImportWriter extends AutoCloseable {
        /** Stores the events and their links (or has them stored); returns the hash of the last link. */
        String write(List<ImportedEvent> events, String previousHash) throws SQLException, IOException;

        /** Waits until everything is stored; returns the global index of the last event written (-1 for none). */
        long finish() throws SQLException;

        /** Waits for any write still under way, so that the transaction can be rolled back. */
        @Override
        default void close() {
        }
    }

    /**
     * PostgreSQL: COPY in binary format, with global indexes drawn here from the event table's own sequence (the table
     * is locked against other writers), which is then set past the last one. Each chunk is copied by a thread of its
     * own while the next one is read and checked, so the database's work and the import's overlap.
     */
    private static final class CopyWriter implements ImportWriter {

        private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

        private final Connection connection;
        private final CopyManager copy;
        private final String sequence;
        private final ExecutorService copier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "event-log-import-copy");
            t.setDaemon(true);
            return t;
        });
        private Future<?> inFlight;
        private long next = -1;
        private long last = -1;

        CopyWriter(Connection connection) throws SQLException {
            this.connection = connection;
            this.copy = connection.unwrap(PgConnection.class).getCopyAPI();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_get_serial_sequence('domain_event_entry', 'global_index')")) {
                rs.next();
                this.sequence = rs.getString(1);
            }
        }

        @Override
        public String write(List<ImportedEvent> events, String previousHash) throws SQLException, IOException {
            if (next < 0) {
                try (PreparedStatement s = connection.prepareStatement("SELECT nextval(?::regclass)")) {
                    s.setString(1, sequence);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                }
            }
            ByteArrayOutputStream eventRows = new ByteArrayOutputStream(events.size() * 1024);
            ByteArrayOutputStream linkRows = new ByteArrayOutputStream(events.size() * 200);
            DataOutputStream e = new DataOutputStream(eventRows);
            DataOutputStream l = new DataOutputStream(linkRows);
            e.write(HEADER);
            l.write(HEADER);
            String previous = previousHash;
            for (ImportedEvent event : events) {
                long index = next++;
                String hash = EventHash.of(previous, event.at(index));
                e.writeShort(10);
                bigint(e, index);
                text(e, event.eventIdentifier());
                text(e, event.aggregateIdentifier());
                bigint(e, event.sequenceNumber());
                text(e, event.aggregateType());
                text(e, event.timeStamp());
                text(e, event.payloadType());
                text(e, event.payloadRevision());
                bytes(e, event.payload());
                bytes(e, event.metaData());
                l.writeShort(4);
                bigint(l, index);
                text(l, event.eventIdentifier());
                text(l, previous);
                text(l, hash);
                previous = hash;
                last = index;
            }
            e.writeShort(-1);
            l.writeShort(-1);
            awaitInFlight();
            byte[] eventBytes = eventRows.toByteArray();
            byte[] linkBytes = linkRows.toByteArray();
            inFlight = copier.submit(() -> {
                copy.copyIn("COPY domain_event_entry (" + StoredEvent.COLUMNS + ") FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(eventBytes));
                copy.copyIn("COPY event_chain (global_index, event_identifier, previous_hash, hash) FROM STDIN (FORMAT binary)",
                        new ByteArrayInputStream(linkBytes));
                return null;
            });
            return previous;
        }

        private void awaitInFlight() throws SQLException, IOException {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the event log was being copied", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("copying the event log failed", e.getCause());
            } finally {
                inFlight = null;
            }
        }

        @Override
        public void close() {
            try {
                awaitInFlight();
            } catch (SQLException | IOException | RuntimeException ignored) {
                // the import is failing already: the transaction is rolled back whatever this copy did
            } finally {
                copier.shutdownNow();
            }
        }

        @Override
        public long finish() throws SQLException {
            try {
                awaitInFlight();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (next >= 0) {
                // appends after the import draw indexes above the imported ones; an import of nothing gives its one back
                try (PreparedStatement s = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                    s.setString(1, sequence);
                    s.setLong(2, last >= 0 ? last : next);
                    s.setBoolean(3, last >= 0);
                    s.executeQuery().close();
                }
            }
            return last;
        }

        private static void bigint(DataOutputStream out, long value) throws IOException {
            out.writeInt(8);
            out.writeLong(value);
        }

        private static void text(DataOutputStream out, String value) throws IOException {
            bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        private static void bytes(DataOutputStream out, byte[] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
    }

    /** H2: JDBC batches; the identity column numbers the events, and the links follow from the generated keys. */
    private static final class BatchWriter implements ImportWriter {

        private final Connection connection;
        private long last = -1;

        BatchWriter(Connection connection) {
            this.connection = connection;
        }

        @Override
        public String write(List<ImportedEvent> events, String previousHash) throws SQLException {
            List<Long> indexes = new ArrayList<>(events.size());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry ("
                    + StoredEvent.COLUMNS.substring(StoredEvent.COLUMNS.indexOf(',') + 1) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"global_index"})) {
                for (ImportedEvent event : events) {
                    insert.setString(1, event.eventIdentifier());
                    insert.setString(2, event.aggregateIdentifier());
                    insert.setLong(3, event.sequenceNumber());
                    insert.setString(4, event.aggregateType());
                    insert.setString(5, event.timeStamp());
                    insert.setString(6, event.payloadType());
                    insert.setString(7, event.payloadRevision());
                    insert.setBytes(8, event.payload());
                    insert.setBytes(9, event.metaData());
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        indexes.add(keys.getLong(1));
                    }
                }
            }
            if (indexes.size() != events.size()) {
                throw new IllegalStateException("the database returned " + indexes.size() + " keys for " + events.size() + " events");
            }
            String previous = previousHash;
            try (PreparedStatement link = connection.prepareStatement(
                    "INSERT INTO event_chain (global_index, event_identifier, previous_hash, hash) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    long index = indexes.get(i);
                    if (index <= last) {
                        throw new IllegalStateException("the database numbered the imported events out of order");
                    }
                    String hash = EventHash.of(previous, events.get(i).at(index));
                    link.setLong(1, index);
                    link.setString(2, events.get(i).eventIdentifier());
                    link.setString(3, previous);
                    link.setString(4, hash);
                    link.addBatch();
                    previous = hash;
                    last = index;
                }
                link.executeBatch();
            }
            return previous;
        }

        @Override
        public long finish() {
            return last;
        }
    }

    private ImportedEvent parse(String text, int lineNumber) {
        try {
            JsonNode line = json.readTree(text);
            if (!line.isObject()) {
                throw RegistryException.invalid("INVALID_EVENT", "line " + lineNumber, "line " + lineNumber + " is not a registry event: not a JSON object");
            }
            String type = required(line, "eventType", lineNumber);
            String revision = line.path("revision").isNull() || line.path("revision").isMissingNode() ? null : line.path("revision").asText();
            String aggregateIdentifier = required(line, "aggregateIdentifier", lineNumber);
            String eventIdentifier = required(line, "eventIdentifier", lineNumber);
            String timestamp = DateTimeUtils.formatInstant(Instant.parse(required(line, "timestamp", lineNumber)));
            if (!type.startsWith(EVENT_PACKAGE)) {
                throw new IllegalArgumentException("unknown event type " + type);
            }
            boolean storedAsGiven = line.hasNonNull("storedPayload");
            String stored = storedAsGiven ? line.get("storedPayload").asText() : json.writeValueAsString(line.get("payload"));
            Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(stored, String.class, type, revision));
            if (payload == null || payload instanceof UnknownSerializedType || !payload.getClass().getName().startsWith(EVENT_PACKAGE)) {
                throw new IllegalArgumentException("unknown event type " + type);
            }
            // a fact's stream is named as the registry names its state's streams (participation:KAZ:CCPR): the history
            // finds a state's events, and an instrument's or a body's, by their streams' identifiers (HistoryFromEvents)
            ClassifiedFact.of(payload).ifPresent(fact -> {
                String canonical = HistoryProjection.StreamColumns.canonicalId(aggregateIdentifier, fact);
                if (!aggregateIdentifier.equals(canonical)) {
                    throw new IllegalArgumentException("the stream " + aggregateIdentifier + " is not the registry's name for a stream of "
                            + fact.state().value() + "'s " + payload.getClass().getSimpleName()
                            + (canonical == null ? "" : " (that is " + canonical + ")"));
                }
            });
            byte[] payloadBytes;
            if (storedAsGiven) {
                payloadBytes = stored.getBytes(StandardCharsets.UTF_8);
            } else {
                // no stored text: store what the event store itself would have written for this event
                SerializedObject<byte[]> serialized = eventSerializer.serialize(payload, byte[].class);
                payloadBytes = serialized.getData();
                type = serialized.getType().getName();
                revision = serialized.getType().getRevision();
            }
            byte[] metaData;
            if (line.hasNonNull("storedMetaData")) {
                String storedMeta = line.get("storedMetaData").asText();
                if (!json.readTree(storedMeta).isObject()) {
                    throw new IllegalArgumentException("storedMetaData is not a JSON object");
                }
                metaData = storedMeta.getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, Object> meta = json.convertValue(line.path("metaData"), json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
                metaData = eventSerializer.serialize(meta == null ? MetaData.emptyInstance() : MetaData.from(meta), byte[].class).getData();
            }
            return new ImportedEvent(eventIdentifier, aggregateIdentifier, line.path("sequenceNumber").asLong(),
                    line.path("aggregateType").asText(null), timestamp, type, revision, payloadBytes, metaData);
        } catch (JsonProcessingException e) {
            throw RegistryException.invalid("MALFORMED_JSON", "line " + lineNumber, "line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (e instanceof RegistryException r) {
                throw r;
            }
            throw RegistryException.invalid("INVALID_EVENT", "line " + lineNumber, "line " + lineNumber + " is not a registry event: " + e.getMessage());
        }
    }

    private static String required(JsonNode line, String field, int lineNumber) {
        if (!line.hasNonNull(field)) {
            throw RegistryException.invalid("MISSING_FIELD", "line " + lineNumber + "." + field, "line " + lineNumber + " has no " + field);
        }
        return line.get(field).asText();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
