package org.treatyregistry.projections.facts;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.projections.Projections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps every fact of every stream, then asks the read model of that stream's kind to recompute its rows from the
 * stream's effective facts, once per stream for a batch of events (when the batch commits, in its transaction). The
 * facts of recently rewritten streams are kept decoded in memory, checked against the table before each use. Recomputing from facts (rather than patching rows event by event) is what makes the read
 * models idempotent under replay and correct under corrections. A bulk rebuild computes the same rows with the same
 * {@link StreamReadModel#rows} (see the API module's admin.BulkRebuild).
 */
@Component
@ProcessingGroup(Projections.PROCESSING_GROUP)
public class FactProjection {

    private final FactRepository facts;
    private final List<StreamReadModel> readModels;
    private final JdbcTemplate jdbc;
    private final StreamCache streams = new StreamCache(2000);

    public FactProjection(FactRepository facts, List<StreamReadModel> readModels, JdbcTemplate jdbc) {
        this.facts = facts;
        this.readModels = readModels;
        this.jdbc = jdbc;
    }

    /** The streams a batch of events touched, each with its facts the batch added, rewritten once at its end. */
    private static final String TOUCHED = FactProjection.class.getName() + ".touched";

    private record Touched(ClassifiedFact last, List<StoredFact> added) {
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(Projections.RECORDED_BY) String recordedBy, UnitOfWork<?> unitOfWork) {
        ClassifiedFact.of(payload).ifPresent(fact -> {
            StoredFact row = facts.insertIfAbsent(message.getAggregateIdentifier(), message.getSequenceNumber(), fact, recordedAt, recordedBy);
            // a stream's rows are a function of all its facts: computed once for the batch, when its facts are all in
            UnitOfWork<?> batch = unitOfWork.root();
            Map<String, Touched> touched = batch.getOrComputeResource(TOUCHED, k -> {
                Map<String, Touched> inBatch = new LinkedHashMap<>();
                batch.onPrepareCommit(u -> inBatch.forEach((streamId, t) -> rewrite(streamId, t, batch)));
                return inBatch;
            });
            Touched before = touched.get(message.getAggregateIdentifier());
            List<StoredFact> added = before == null ? new ArrayList<>() : before.added();
            added.add(row);
            touched.put(message.getAggregateIdentifier(), new Touched(fact, added));
        });
    }

    /**
     * The stream's facts, decoded: the copy kept from the stream's last rewrite plus what this batch added, when the
     * table holds exactly that many rows up to the same last one (rows are only ever added, in sequence order, so
     * that means the same rows; a reset, a rebuild or another instance's processor make it differ); else read anew.
     */
    private List<StoredFact> stream(String streamId, List<StoredFact> added) {
        List<StoredFact> kept = streams.get(streamId);
        if (kept != null) {
            TreeMap<Long, StoredFact> merged = new TreeMap<>();
            kept.forEach(row -> merged.put(row.sequenceNumber(), row));
            added.forEach(row -> merged.putIfAbsent(row.sequenceNumber(), row));
            FactRepository.Extent extent = facts.extent(streamId);
            if (extent.rows() == merged.size() && extent.last() == merged.lastKey()) {
                return List.copyOf(merged.values());
            }
        }
        return facts.decoded(facts.stream(streamId, null, added));
    }

    /** Recomputes a stream's rows in every read model of its kind from its facts ({@code last}: its latest fact). */
    private void rewrite(String streamId, Touched touched, UnitOfWork<?> batch) {
        List<StoredFact> stream = stream(streamId, touched.added());
        batch.afterCommit(u -> streams.put(streamId, stream));
        batch.onRollback(u -> streams.remove(streamId));
        ClassifiedFact last = touched.last();
        String state = last.state().value();
        for (StreamReadModel model : readModels) {
            if (model.streamType() == last.streamType()) {
                String key = model.key(streamId, state);
                // in the model's table order (a model may rely on it: see ReportingObligationReadModel.tables)
                model.tables().stream().filter(t -> !t.rewrittenWhenChanged()).forEach(t -> jdbc.update(t.deleteByKeySql(), key));
                Map<ReadModelTable, List<Object[]>> rows = new LinkedHashMap<>();
                model.rows(streamId, state, stream,
                        (table, values) -> rows.computeIfAbsent(table, t -> new ArrayList<>()).add(jdbcValues(values)));
                for (ReadModelTable table : model.tables()) {
                    List<Object[]> values = rows.getOrDefault(table, List.of());
                    if (table.rewrittenWhenChanged()) {
                        values = changed(table, key, values);
                    }
                    if (values.size() == 1) {
                        jdbc.update(table.insertSql(), values.get(0));
                    } else if (!values.isEmpty()) {
                        jdbc.batchUpdate(table.insertSql(), values);
                    }
                }
            }
        }
    }

    /**
     * Of a stream's new rows, those to insert: the rows whose digest is not among the stream's current rows. Deletes
     * the current rows that are not among the new ones (gone, or changed).
     */
    private List<Object[]> changed(ReadModelTable table, String key, List<Object[]> rows) {
        Map<String, String> current = new HashMap<>();
        jdbc.query(table.hashesByKeySql(), rs -> {
            current.put(rs.getString(1), rs.getString(2));
        }, key);
        int row = table.indexOf(table.rowColumn());
        int hash = table.indexOf(table.hashColumn());
        List<Object[]> inserts = new ArrayList<>();
        for (Object[] values : rows) {
            String id = (String) values[row];
            String was = current.remove(id);
            if (was == null || !was.equals(values[hash])) {
                if (was != null) {
                    current.put(id, was); // changed: delete it, then insert it anew
                }
                inserts.add(values);
            }
        }
        if (!current.isEmpty()) {
            jdbc.batchUpdate(table.deleteRowSql(), current.keySet().stream().map(id -> new Object[]{key, id}).toList());
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
