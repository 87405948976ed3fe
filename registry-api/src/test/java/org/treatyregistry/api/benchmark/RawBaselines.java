package org.treatyregistry.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.treatyregistry.api.audit.StoredEvent;
import org.treatyregistry.api.support.TestPostgres;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the same PostgreSQL does with no registry in the way: the baselines each measure is divided by. They write to
 * a database of their own with the registry's event-store table (same migration, same indexes).
 */
final class RawBaselines {

    private static final String INSERT = "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final TestPostgres.Database db;
    private final ObjectMapper json;

    RawBaselines(TestPostgres.Database db, ObjectMapper json) throws Exception {
        this.db = db;
        this.json = json;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             InputStream ddl = RawBaselines.class.getResourceAsStream("/db/migration/postgresql/V1__event_store.sql")) {
            s.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Batched INSERT of the dataset's rows, 500 a batch and a commit per batch; returns rows per second. */
    double bulkInsert(Path dataset) throws Exception {
        truncate();
        long start = System.nanoTime();
        long rows = 0;
        try (Connection c = db.connect(); BufferedReader lines = Files.newBufferedReader(dataset, StandardCharsets.UTF_8);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            String line;
            int inBatch = 0;
            while ((line = lines.readLine()) != null) {
                JsonNode e = json.readTree(line);
                insert.setString(1, e.get("eventIdentifier").asText());
                insert.setString(2, e.get("aggregateIdentifier").asText());
                insert.setLong(3, e.get("sequenceNumber").asLong());
                insert.setString(4, e.get("aggregateType").asText());
                insert.setString(5, e.get("timestamp").asText());
                insert.setString(6, e.get("eventType").asText());
                insert.setString(7, e.get("revision").asText());
                insert.setBytes(8, e.get("storedPayload").asText().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, json.writeValueAsBytes(e.get("metaData")));
                insert.addBatch();
                rows++;
                if (++inBatch == 500) {
                    insert.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return rows / seconds(start);
    }

    /**
     * Reads every row of {@code source}'s event table in global order and decodes payload and metadata with Jackson into
     * the event classes: the least any rebuild must do. Returns rows per second.
     */
    static double scanAndDecode(TestPostgres.Database source, ObjectMapper json) throws Exception {
        Map<String, Class<?>> classes = new HashMap<>();
        long start = System.nanoTime();
        long rows = 0;
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement scan = c.prepareStatement(
                    "SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data"
                            + " FROM domain_event_entry ORDER BY global_index")) {
                scan.setFetchSize(1000);
                // the payload and metadata in PostgreSQL's binary format, as the rebuild reads them
                StoredEvent.readInBinary(scan);
                try (ResultSet rs = scan.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        rs.getLong(3);
                        rs.getString(4);
                        Class<?> type = classes.computeIfAbsent(rs.getString(5), RawBaselines::load);
                        if (json.readValue(rs.getBytes(6), type) == null || json.readValue(rs.getBytes(7), Map.class) == null) {
                            throw new IllegalStateException("an event decoded to nothing");
                        }
                        rows++;
                    }
                }
            }
            c.commit();
        }
        return rows / seconds(start);
    }

    /**
     * Single-row INSERT and COMMIT of an event-sized row, from {@code threads} connections for {@code window}; returns
     * commits per second.
     */
    double appends(int threads, Duration window, byte[] payload) throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + window.toNanos();
        Thread[] workers = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            String stream = "raw-" + UUID.randomUUID();
            workers[t] = new Thread(() -> {
                try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement(INSERT)) {
                    c.setAutoCommit(false);
                    long seq = 0;
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, stream);
                        insert.setLong(3, seq++);
                        insert.setString(4, "Participation");
                        insert.setString(5, java.time.Instant.now().toString());
                        insert.setString(6, "org.treatyregistry.core.ratification.ReservationEnteredEvent");
                        insert.setString(7, "1");
                        insert.setBytes(8, payload);
                        insert.setBytes(9, "{\"recordedBy\":\"benchmark\"}".getBytes(StandardCharsets.UTF_8));
                        insert.executeUpdate();
                        c.commit();
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failed.incrementAndGet();
                    throw new IllegalStateException(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException("raw appends failed");
        }
        return committed.get() / seconds(start);
    }

    private void truncate() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE domain_event_entry");
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
