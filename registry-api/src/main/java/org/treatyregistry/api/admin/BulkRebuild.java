package org.treatyregistry.api.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatyregistry.api.audit.StoredEvent;
import org.treatyregistry.projections.facts.ClassifiedFact;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.MetaDataFields;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.history.HistoryProjection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Rebuilds every read model in one pass over the JDBC event store, outside Axon's event processor: read the events
 * stream by stream, compute each row with the same functions the live handlers use ({@link StreamReadModel#rows},
 * {@link HistoryProjection#row}, {@link FactRepository#stored}; no history rows where the history is read from the
 * event store itself, {@link HistoryProjection#readsEventStore}), and stream the rows into the emptied tables in chunks
 * (COPY on PostgreSQL, JDBC batches elsewhere) from a second thread, all in one write transaction. The caller then hands
 * the processor a token at the last event read, so it carries on with whatever was appended meanwhile.
 * <p>
 * Why: the processor replays event by event, each one a read of its stream and a rewrite of its rows; measured on 1M
 * events that is two orders of magnitude slower than reading the store (docs/performance.md). Here a stream's rows are
 * computed once, from all its facts, and written once.
 */
final class BulkRebuild {

    private static final int CHUNK_ROWS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(BulkRebuild.class);

    /** A chunk of rows of one table, or the end of the rows (table null). */
    record Chunk(ReadModelTable table, List<Object[]> rows) {
    }

    /** What the rebuild read: the token the processor continues from. */
    record Result(long events, GapAwareTrackingToken token) {
    }

    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final ObjectMapper mapper;
    private final boolean sameMapper;
    private final FactRepository facts;
    private final FactProjection projection;
    private final boolean historyRows;
    private final AtomicLong processed;
    // where the time goes (nanoseconds), logged at the end: the reader blocked on a full writer queue, each writer's
    // COPY and its key and index rebuild
    private final AtomicLong readerWaiting = new AtomicLong();
    private final Map<String, Long> writerTimes = new ConcurrentHashMap<>();

    BulkRebuild(DataSource dataSource, Serializer eventSerializer, ObjectMapper json, FactRepository facts, FactProjection projection,
                HistoryProjection history, AtomicLong processed) {
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.mapper = eventSerializer instanceof JacksonSerializer jackson ? jackson.getObjectMapper() : json;
        this.sameMapper = mapper == json;
        if (!(eventSerializer instanceof JacksonSerializer)) {
            throw new IllegalStateException("the bulk rebuild reads JSON events; the event serializer is " + eventSerializer.getClass());
        }
        this.facts = facts;
        this.projection = projection;
        this.historyRows = !history.readsEventStore();
        this.processed = processed;
    }

    Result run() throws Exception {
        // the live projection's copies of streams were checked against rows this replaces
        projection.forgetStreams();
        readerWaiting.set(0);
        writerTimes.clear();
        List<ReadModelTable> factTables = new ArrayList<>(projection.tables());
        List<ReadModelTable> historyTables = List.of(HistoryProjection.TABLE);
        // two writers on two connections, so that the database ingests on both cores; each commits only once both
        // have written everything, so a failure in either leaves every table as it was
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        CyclicBarrier bothWritten = new CyclicBarrier(2);
        Writer facts = new Writer(factTables, writeFailure, bothWritten);
        Writer history = new Writer(historyTables, writeFailure, bothWritten);
        Thread[] writers = {new Thread(facts, "registry-bulk-rebuild-writer-1"), new Thread(history, "registry-bulk-rebuild-writer-2")};
        try (Connection read = dataSource.getConnection()) {
            read.setAutoCommit(false);
            read.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            read.setReadOnly(true);
            for (Thread w : writers) {
                w.start();
            }
            long started = System.nanoTime();
            Result result = scan(read, table -> table == HistoryProjection.TABLE ? history.queue : facts.queue, writeFailure);
            read.commit();
            long scanned = System.nanoTime();
            put(facts.queue, END, writeFailure);
            put(history.queue, END, writeFailure);
            for (Thread w : writers) {
                w.join();
            }
            if (writeFailure.get() != null) {
                throw new IllegalStateException("the bulk rebuild could not write the read models", writeFailure.get());
            }
            StringBuilder times = new StringBuilder();
            new TreeMap<>(writerTimes).forEach((what, nanos) -> times.append(", ").append(what).append(' ').append(seconds(nanos)));
            LOG.info("bulk rebuild of {} events in {}: reading and computing {} (of which waiting for the writers {}){}",
                    result.events(), seconds(System.nanoTime() - started), seconds(scanned - started), seconds(readerWaiting.get()), times);
            return result;
        } catch (Exception | Error e) {
            writeFailure.compareAndSet(null, e);
            for (Thread w : writers) {
                w.interrupt();
                w.join(TimeUnit.SECONDS.toMillis(30));
            }
            throw e;
        }
    }

    private Result scan(Connection read, Function<ReadModelTable, BlockingQueue<Chunk>> queue, AtomicReference<Throwable> writeFailure) throws Exception {
        // up to the sealed head, as the processor reads (EventStoreConfig): below it every position is final and, in this
        // snapshot, visible, so the token handed over needs no gaps; events committed above it are the processor's to
        // read once they are sealed
        long head;
        try (Statement s = read.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT global_index FROM event_chain_head WHERE id = 1")) {
            head = rs.next() ? rs.getLong(1) : -1;
        }
        Map<ReadModelTable, List<Object[]>> pending = new HashMap<>();
        Map<String, Class<?>> types = new HashMap<>();
        String stream = null;
        String state = null;
        List<StoredFact> streamFacts = new ArrayList<>();
        HistoryProjection.StreamColumns columns = null;
        try (PreparedStatement scan = read.prepareStatement("SELECT global_index, aggregate_identifier, sequence_number, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index <= ?"
                + " ORDER BY aggregate_identifier, sequence_number")) {
            scan.setFetchSize(1_000);
            StoredEvent.readInBinary(scan);
            scan.setLong(1, head);
            try (ResultSet rs = scan.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong(1);
                    String streamId = rs.getString(2);
                    if (!streamId.equals(stream)) {
                        flushStream(stream, state, streamFacts, pending, queue, writeFailure);
                        stream = streamId;
                    }
                    byte[] payloadBytes = rs.getBytes(7);
                    Object payload = decode(payloadBytes, rs.getString(5), rs.getString(6), types);
                    var fact = ClassifiedFact.of(payload);
                    if (fact.isPresent()) {
                        long sequence = rs.getLong(3);
                        Instant recordedAt = StoredEvent.instant(rs.getString(4));
                        String[] meta = metaData(rs.getBytes(8));
                        String recordedBy = meta[0];
                        // a plain fact's projected JSON is the stored payload itself when both come from one mapper (and
                        // none is needed when its row leaves it to the event)
                        String factJson = fact.get().correctsSequence() == null && sameMapper && !facts.referencesEventPayloads()
                                ? new String(payloadBytes, StandardCharsets.UTF_8) : null;
                        StoredFact stored = facts.stored(streamId, sequence, fact.get(), recordedAt, recordedBy, factJson);
                        state = stored.state();
                        streamFacts.add(stored);
                        add(pending, FactRepository.TABLE, facts.values(stored), queue, writeFailure);
                        if (historyRows) {
                            columns = columns == null ? HistoryProjection.StreamColumns.of(streamId, fact.get().streamType())
                                    : columns.orOf(streamId, fact.get().streamType());
                            add(pending, HistoryProjection.TABLE, HistoryProjection.row(position, columns, sequence, payload,
                                    fact.get(), recordedAt, recordedBy, meta[1]), queue, writeFailure);
                        }
                    }
                    processed.incrementAndGet();
                }
            }
        }
        flushStream(stream, state, streamFacts, pending, queue, writeFailure);
        for (Map.Entry<ReadModelTable, List<Object[]>> rest : pending.entrySet()) {
            if (!rest.getValue().isEmpty()) {
                put(queue.apply(rest.getKey()), new Chunk(rest.getKey(), rest.getValue()), writeFailure);
            }
        }
        return new Result(processed.get(), head < 0 ? null : GapAwareTrackingToken.newInstance(head, Collections.emptySortedSet()));
    }

    private void flushStream(String stream, String state, List<StoredFact> streamFacts, Map<ReadModelTable, List<Object[]>> pending,
                             Function<ReadModelTable, BlockingQueue<Chunk>> queue, AtomicReference<Throwable> writeFailure) throws InterruptedException {
        if (stream == null || streamFacts.isEmpty()) {
            streamFacts.clear();
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<ReadModelTable> rowTables = new ArrayList<>();
        for (StreamReadModel model : projection.readModels()) {
            if (model.streamType() == streamFacts.get(0).streamType()) {
                model.rows(stream, state, streamFacts, (table, values) -> {
                    rowTables.add(table);
                    rows.add(values);
                });
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            add(pending, rowTables.get(i), rows.get(i), queue, writeFailure);
        }
        streamFacts.clear();
    }

    private void add(Map<ReadModelTable, List<Object[]>> pending, ReadModelTable table, Object[] row,
                            Function<ReadModelTable, BlockingQueue<Chunk>> queue, AtomicReference<Throwable> writeFailure) throws InterruptedException {
        List<Object[]> rows = pending.computeIfAbsent(table, t -> new ArrayList<>(CHUNK_ROWS));
        rows.add(row);
        if (rows.size() == CHUNK_ROWS) {
            put(queue.apply(table), new Chunk(table, rows), writeFailure);
            pending.put(table, new ArrayList<>(CHUNK_ROWS));
        }
    }

    private void put(BlockingQueue<Chunk> queue, Chunk chunk, AtomicReference<Throwable> writeFailure) throws InterruptedException {
        if (queue.offer(chunk)) {
            return;
        }
        long blocked = System.nanoTime();
        try {
            putBlocking(queue, chunk, writeFailure);
        } finally {
            readerWaiting.addAndGet(System.nanoTime() - blocked);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static void putBlocking(BlockingQueue<Chunk> queue, Chunk chunk, AtomicReference<Throwable> writeFailure) throws InterruptedException {
        while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (writeFailure.get() != null) {
                throw new IllegalStateException("the bulk rebuild could not write the read models", writeFailure.get());
            }
        }
    }

    private static final Chunk END = new Chunk(null, List.of());

    /** A writer: empties its tables and writes every chunk of them in one transaction, committed after both writers' last chunk. */
    private final class Writer implements Runnable {
        private final List<ReadModelTable> tables;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(4);
        private final AtomicReference<Throwable> failure;
        private final CyclicBarrier bothWritten;
        private final Map<ReadModelTable, Optional<BinaryCopy>> binaryCopies = new HashMap<>();

        Writer(List<ReadModelTable> tables, AtomicReference<Throwable> failure, CyclicBarrier bothWritten) {
            this.tables = tables;
            this.failure = failure;
            this.bothWritten = bothWritten;
        }

        @Override
        public void run() {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    boolean postgres = c.isWrapperFor(PGConnection.class);
                    List<String> restore = new ArrayList<>();
                    try (Statement s = c.createStatement()) {
                        for (ReadModelTable table : tables) {
                            // TRUNCATE is transactional on PostgreSQL (readers wait for the commit); on H2 it would commit
                            s.execute((postgres ? "TRUNCATE " : "DELETE FROM ") + table.name());
                            if (postgres) {
                                restore.addAll(dropIndexes(c, table.name()));
                            }
                        }
                    }
                    long copying = 0;
                    while (true) {
                        Chunk chunk = queue.take();
                        if (chunk == END) {
                            break;
                        }
                        long started = System.nanoTime();
                        if (postgres) {
                            Optional<BinaryCopy> binary = binaryCopies.get(chunk.table());
                            if (binary == null) {
                                binary = BinaryCopy.of(c, chunk.table());
                                binaryCopies.put(chunk.table(), binary);
                            }
                            if (binary.isPresent()) {
                                copy(c.unwrap(PGConnection.class), binary.get(), chunk);
                            } else {
                                copy(c.unwrap(PGConnection.class), chunk);
                            }
                        } else {
                            insert(c, chunk);
                        }
                        copying += System.nanoTime() - started;
                    }
                    long indexing = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        for (String ddl : restore) {
                            s.execute(ddl);
                        }
                    }
                    String name = Thread.currentThread().getName();
                    writerTimes.put(name + " writing", copying);
                    writerTimes.put(name + " rebuilding keys and indexes", System.nanoTime() - indexing);
                    bothWritten.await(10, TimeUnit.MINUTES);
                    if (failure.get() != null) {
                        throw new IllegalStateException("the other writer failed");
                    }
                    c.commit();
                } catch (Exception | Error e) {
                    bothWritten.reset();
                    c.rollback();
                    throw e;
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /**
     * Drops a table's keys and indexes (inside the writer's transaction) and returns the statements that recreate them
     * as the migrations defined them: building an index once over the loaded rows is much cheaper than updating it row
     * by row (docs/performance.md).
     */
    private static List<String> dropIndexes(Connection c, String table) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        List<String> constraintNames = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u')")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    constraintNames.add(rs.getString(1));
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                    restore.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = ?")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!constraintNames.contains(rs.getString(1))) {
                        drop.add("DROP INDEX " + rs.getString(1));
                        restore.add(rs.getString(2));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String ddl : drop) {
                s.execute(ddl);
            }
        }
        return restore;
    }

    private static void insert(Connection c, Chunk chunk) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(chunk.table().insertSql())) {
            for (Object[] row : chunk.rows()) {
                Object[] values = FactProjection.jdbcValues(row);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void copy(PGConnection c, BinaryCopy binary, Chunk chunk) throws SQLException {
        byte[] data = binary.encode(chunk.rows());
        CopyIn copy = c.getCopyAPI().copyIn(binary.copySql());
        try {
            copy.writeToCopy(data, 0, binary.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    static void copy(PGConnection c, Chunk chunk) throws SQLException, IOException {
        StringBuilder text = new StringBuilder(chunk.rows().size() * 256);
        for (Object[] row : chunk.rows()) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendCopyValue(text, row[i]);
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = c.getCopyAPI().copyIn("COPY " + chunk.table().name() + " (" + String.join(", ", chunk.table().columns()) + ") FROM STDIN");
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** PostgreSQL's COPY text format; instants as the local date-time JDBC would have sent for a TIMESTAMP column. */
    static void appendCopyValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (value instanceof Instant instant) {
            LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
            if (local.getYear() < 1583 || local.getYear() > 9999) {
                // Timestamp counts days by the Julian calendar before 1582 (and writes years past 9999 its own way)
                out.append(Timestamp.from(instant));
            } else {
                appendLocalDateTime(out, local);
            }
            return;
        }
        if (value instanceof Boolean b) {
            out.append(b ? 't' : 'f');
            return;
        }
        String s = value.toString();
        // copies the runs between the characters COPY needs escaped, not character by character: most values
        // (the payload JSON above all) have none or few
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                out.append(s, run, i).append('\\').append(ch == '\\' ? '\\' : ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r');
                run = i + 1;
            }
        }
        out.append(s, run, s.length());
    }

    /**
     * A date-time of the years 1583 to 9999 as {@code Timestamp.toString()} writes it ({@code yyyy-mm-dd hh:mm:ss.fffffffff}, the fraction without trailing zeros,
     * ".0" when there is none), which PostgreSQL reads back to the same microsecond; Timestamp's own conversion goes
     * through java.util.Date's calendar and took a third of the writers' time.
     */
    static void appendLocalDateTime(StringBuilder out, LocalDateTime t) {
        out.append(t.getYear()).append('-');
        twoDigits(out, t.getMonthValue()).append('-');
        twoDigits(out, t.getDayOfMonth()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        twoDigits(out, t.getSecond()).append('.');
        int nanos = t.getNano();
        if (nanos == 0) {
            out.append('0');
            return;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        String fraction = Integer.toString(nanos);
        for (int i = fraction.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(fraction);
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /**
     * The payload as the event serializer would give it. Its own deserialize goes through a JSON tree first; reading the
     * bytes straight into the class with the same mapper is the same result at half the cost. No upcasters exist (the
     * bulk path is not taken when one does), so the revision only names the class.
     */
    private Object decode(byte[] payload, String type, String revision, Map<String, Class<?>> types) throws IOException {
        Class<?> target = types.computeIfAbsent(type, t -> eventSerializer.classForType(new SimpleSerializedType(t, revision)));
        return mapper.readValue(payload, target);
    }

    /** recordedBy and importBatch from the stored metadata (a JSON object), without building a tree of it. */
    private String[] metaData(byte[] stored) throws IOException {
        return MetaDataFields.read(stored, mapper.getFactory());
    }
}
