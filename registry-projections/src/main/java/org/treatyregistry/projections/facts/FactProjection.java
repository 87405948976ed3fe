package org.treatyregistry.projections.facts;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.treatyregistry.projections.Projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every fact of every stream, then asks the read model of that stream's kind to recompute its rows from the
 * stream's effective facts, once per stream for a batch of events (when the batch commits, in its transaction). The
 * facts of recently rewritten streams are kept decoded in memory, checked against the table before each use. Recomputing
 * from facts (rather than patching rows event by event) is what makes the read models idempotent under replay and
 * correct under corrections. A bulk rebuild computes the same rows with the same {@link StreamReadModel#rows} (see the
 * API module's admin.BulkRebuild).
 * <p>
 * A batch is written statement by statement per table, not per event or per stream: its facts in one JDBC batch, the
 * extents of its cached streams in one query, each table's old rows deleted in one statement (a table rewritten only
 * where changed: its changed rows, in one batch) and its new rows inserted in one JDBC batch. Under load a batch holds
 * tens of events, and a statement's round trip and the server's work per statement had been most of what the
 * projection cost an append. A key belongs to one stream (UPR's: the state's one stream), and a stream to one segment
 * of the processor, so no two batches write one key at once.
 */
@Component
@ProcessingGroup(Projections.PROCESSING_GROUP)
public class FactProjection {

    private final FactRepository facts;
    private final List<StreamReadModel> readModels;
    private final JdbcTemplate jdbc;
    // room for every stream of the UN-wide record (200 states, ~7,000 streams), so that a stream is read and decoded
    // from the table only after a restart or when the collector took it back (entries are softly held); with 2,000 a
    // third of the events of a registry-wide workload missed it and read their stream anew
    private final StreamCache<List<StoredFact>> streams = new StreamCache<>(8192);

    public FactProjection(FactRepository facts, List<StreamReadModel> readModels, JdbcTemplate jdbc) {
        this.facts = facts;
        this.readModels = readModels;
        this.jdbc = jdbc;
    }

    /** The facts a batch of events added, in event order, and the streams they touched, projected as the batch commits. */
    private static final String BATCH = FactProjection.class.getName() + ".batch";

    private static final class Batch {
        private final List<StoredFact> rows = new ArrayList<>();
        private final Map<String, Touched> streams = new LinkedHashMap<>();

        void add(StoredFact row, ClassifiedFact fact) {
            rows.add(row);
            Touched before = streams.get(row.streamId());
            List<StoredFact> added = before == null ? new ArrayList<>() : before.added();
            added.add(row);
            streams.put(row.streamId(), new Touched(fact, added));
        }
    }

    /** A stream's latest fact in the batch and all the facts the batch added to it. */
    private record Touched(ClassifiedFact last, List<StoredFact> added) {
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(Projections.RECORDED_BY) String recordedBy, UnitOfWork<?> unitOfWork) {
        ClassifiedFact.of(payload).ifPresent(fact -> {
            StoredFact row = facts.stored(message.getAggregateIdentifier(), message.getSequenceNumber(), fact, recordedAt, recordedBy);
            // a stream's rows are a function of all its facts: computed once for the batch, when its facts are all in
            UnitOfWork<?> root = unitOfWork.root();
            root.getOrComputeResource(BATCH, k -> {
                Batch batch = new Batch();
                root.onPrepareCommit(u -> project(batch, root));
                return batch;
            }).add(row, fact);
        });
    }

    private void project(Batch batch, UnitOfWork<?> unitOfWork) {
        facts.insertAllIfAbsent(batch.rows);
        Map<String, List<StoredFact>> kept = new HashMap<>();
        Map<String, Long> keptUpTo = new HashMap<>();
        batch.streams.keySet().forEach(streamId -> {
            List<StoredFact> rows = streams.get(streamId);
            if (rows != null && !rows.isEmpty()) {
                kept.put(streamId, rows);
                keptUpTo.put(streamId, rows.get(rows.size() - 1).sequenceNumber());
            }
        });
        Map<String, FactRepository.Extent> extents = facts.extentsFrom(keptUpTo);
        Map<StreamReadModel, ModelRows> written = new LinkedHashMap<>();
        readModels.forEach(model -> written.put(model, new ModelRows()));
        batch.streams.forEach((streamId, touched) -> {
            List<StoredFact> stream = stream(streamId, touched.added(), kept.get(streamId), extents.get(streamId));
            unitOfWork.afterCommit(u -> streams.put(streamId, stream));
            unitOfWork.onRollback(u -> streams.remove(streamId));
            ClassifiedFact last = touched.last();
            String state = last.state().value();
            for (StreamReadModel model : readModels) {
                if (model.streamType() == last.streamType()) {
                    Map<ReadModelTable, List<Object[]>> rows = new LinkedHashMap<>();
                    model.rows(streamId, state, stream,
                            (table, values) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).add(jdbcValues(values)));
                    // a key whose stream comes twice keeps the later stream's rows, as rewriting stream by stream would
                    written.get(model).byKey.put(model.key(streamId, state), rows);
                }
            }
        });
        written.forEach((model, rows) -> {
            if (!rows.byKey.isEmpty()) {
                write(model, rows);
            }
        });
    }

    /** The rows a batch computed for one read model, by the key of their stream. */
    private static final class ModelRows {
        private final Map<String, Map<ReadModelTable, List<Object[]>>> byKey = new LinkedHashMap<>();

        String[] keys() {
            return byKey.keySet().toArray(String[]::new);
        }

        List<Object[]> of(ReadModelTable table) {
            List<Object[]> all = new ArrayList<>();
            byKey.values().forEach(tables -> all.addAll(tables.getOrDefault(table, List.of())));
            return all;
        }
    }

    /**
     * The stream's facts, decoded: the copy kept from the stream's last rewrite plus what this batch added, when the
     * table still holds the copy's last row and, after it, exactly the rows this batch added; else read anew. That
     * suffices because a stream's rows in the table are always a prefix of its facts in sequence order: the processor
     * inserts them in that order, and only a reset or a rebuild removes rows, all of them at once, before the facts are
     * inserted again in order. So the copy's last row still being there means every row up to it is (the same facts:
     * events never change).
     */
    private List<StoredFact> stream(String streamId, List<StoredFact> added, List<StoredFact> kept, FactRepository.Extent extent) {
        if (kept != null && extent != null) {
            long keptLast = kept.get(kept.size() - 1).sequenceNumber();
            // the batch's rows come in sequence order; those up to the copy's last are already in it
            List<StoredFact> after = added.stream().filter(row -> row.sequenceNumber() > keptLast).toList();
            long last = after.isEmpty() ? keptLast : after.get(after.size() - 1).sequenceNumber();
            // the copy's last row is there (else no extent); after it, exactly the rows the batch added
            if (extent.rowsAfter() == after.size() && extent.last() == last) {
                List<StoredFact> stream = new ArrayList<>(kept.size() + after.size());
                stream.addAll(kept);
                stream.addAll(after);
                return List.copyOf(stream);
            }
        }
        return facts.decoded(facts.stream(streamId, null, added));
    }

    /**
     * Replaces the rows of a batch's streams in one read model, table by table in the model's order (a model may rely
     * on it: see ReportingObligationReadModel.tables): first every table's old rows, then the new ones.
     */
    private void write(StreamReadModel model, ModelRows rows) {
        String[] keys = rows.keys();
        model.tables().stream().filter(t -> !t.rewrittenWhenChanged()).forEach(t -> jdbc.update(t.deleteByKeysSql(), keysParameter(keys)));
        for (ReadModelTable table : model.tables()) {
            List<Object[]> values = rows.of(table);
            if (table.rewrittenWhenChanged()) {
                values = changed(table, keys, values);
            }
            execute(jdbc, table.insertSql(), values);
        }
    }

    /** Runs a statement once for each of {@code args}: in one JDBC batch (one round trip) where there are several. */
    public static void execute(JdbcTemplate jdbc, String sql, List<Object[]> args) {
        if (args.size() == 1) {
            jdbc.update(sql, args.get(0));
        } else if (!args.isEmpty()) {
            jdbc.batchUpdate(sql, args);
        }
    }

    /** The keys as the one array parameter of {@code key = ANY(?)}. */
    public static PreparedStatementSetter keysParameter(String[] keys) {
        return statement -> statement.setArray(1, statement.getConnection().createArrayOf("VARCHAR", keys));
    }

    /**
     * Of the streams' new rows, those to insert: the rows whose digest is not among their stream's current rows.
     * Deletes the current rows that are not among the new ones (gone, or changed).
     */
    private List<Object[]> changed(ReadModelTable table, String[] keys, List<Object[]> rows) {
        Map<List<String>, String> current = new HashMap<>();
        jdbc.query(table.hashesByKeysSql(), keysParameter(keys), rs -> {
            current.put(List.of(rs.getString(1), rs.getString(2)), rs.getString(3));
        });
        int key = table.indexOf(table.keyColumn());
        int row = table.indexOf(table.rowColumn());
        int hash = table.indexOf(table.hashColumn());
        List<Object[]> inserts = new ArrayList<>();
        for (Object[] values : rows) {
            List<String> id = List.of((String) values[key], (String) values[row]);
            String was = current.remove(id);
            if (was == null || !was.equals(values[hash])) {
                if (was != null) {
                    current.put(id, was); // changed: delete it, then insert it anew
                }
                inserts.add(values);
            }
        }
        if (!current.isEmpty()) {
            execute(jdbc, table.deleteRowSql(), current.keySet().stream().map(id -> new Object[]{id.get(0), id.get(1)}).toList());
        }
        return inserts;
    }

    /** The tables every fact-based read model writes, the facts table last (the models are computed from it). */
    public List<ReadModelTable> tables() {
        List<ReadModelTable> all = new ArrayList<>();
        readModels.forEach(m -> all.addAll(m.tables()));
        all.add(FactRepository.TABLE);
        return all;
    }

    public List<StreamReadModel> readModels() {
        return readModels;
    }

    /**
     * Drops the kept streams: for whoever replaces the tables' rows other than through this projection (the bulk
     * rebuild), so that no copy outlives the rows it was checked against.
     */
    public void forgetStreams() {
        streams.clear();
    }

    @ResetHandler
    void reset() {
        streams.clear();
        tables().forEach(table -> jdbc.update("DELETE FROM " + table.name()));
    }

    /** Instants as JDBC timestamps; everything else as it is. */
    public static Object[] jdbcValues(Object[] values) {
        Object[] converted = values.clone();
        for (int i = 0; i < converted.length; i++) {
            if (converted[i] instanceof Instant instant) {
                converted[i] = Timestamp.from(instant);
            }
        }
        return converted;
    }
}
