package org.treatyregistry.projections.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.competence.CompetenceFactCorrectedEvent;
import org.treatyregistry.core.competence.RecognitionId;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.reporting.ObligationId;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.upr.UprFactCorrectedEvent;
import org.treatyregistry.core.upr.UprId;
import org.treatyregistry.projections.Projections;
import org.treatyregistry.projections.facts.ClassifiedFact;
import org.treatyregistry.projections.facts.EventPayloads;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.StreamType;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The obligation history: one entry per event of a fact stream. Where the event store is in this database
 * ({@link EventPayloads}) the entries are read from the events themselves ({@link HistoryFromEvents}) and nothing is
 * written here; otherwise (Axon Server, an upcaster) each is a row of history_entry, keyed by its global position, so a
 * replay rewrites nothing twice.
 */
@Component
@ProcessingGroup(Projections.PROCESSING_GROUP)
public class HistoryProjection {

    private final JdbcTemplate jdbc;
    private final boolean readsEventStore;
    private final HistorySource source;

    public HistoryProjection(JdbcTemplate jdbc, ObjectMapper json, ObjectProvider<EventPayloads> eventPayloads) {
        this.jdbc = jdbc;
        EventPayloads store = eventPayloads.getIfAvailable();
        this.readsEventStore = store != null;
        this.source = readsEventStore ? new HistoryFromEvents(store, json) : new HistoryTable();
    }

    /** Whether the history is read from the event store, so that no history row is written (see the class comment). */
    public boolean readsEventStore() {
        return readsEventStore;
    }

    public static final ReadModelTable TABLE = ReadModelTable.of("history_entry", "global_index", "global_index", "stream_id",
            "stream_type", "sequence_number", "state_code", "body", "instrument", "event_type", "legal_date", "legal_date_precision",
            "summary", "recorded_at", "recorded_by", "source_symbol", "source_locator", "source_note", "corrects_seq",
            "correction_reason", "import_batch");
    private static final String INSERT_IF_ABSENT = TABLE.insertIfAbsentSql();

    /** The rows of a batch of events, inserted in one JDBC batch as the batch commits. */
    private static final String ROWS = HistoryProjection.class.getName() + ".rows";

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, TrackingToken token, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(Projections.RECORDED_BY) String recordedBy, @MetaDataValue("importBatch") String importBatch,
            UnitOfWork<?> unitOfWork) {
        if (readsEventStore) {
            return;
        }
        long position = token.position().orElseThrow(() -> new IllegalStateException("no global position in " + token));
        ClassifiedFact.of(payload).ifPresent(fact -> {
            Object[] values = row(position, message.getAggregateIdentifier(), message.getSequenceNumber(), payload, fact, recordedAt,
                    recordedBy, importBatch);
            UnitOfWork<?> root = unitOfWork.root();
            root.getOrComputeResource(ROWS, k -> {
                List<Object[]> rows = new ArrayList<>();
                root.onPrepareCommit(u -> FactProjection.execute(jdbc, INSERT_IF_ABSENT, rows));
                return rows;
            }).add(FactProjection.jdbcValues(values));
        });
    }

    /** The history row of one event, in {@link #TABLE}'s column order: the live handler and the bulk rebuild both write this. */
    public static Object[] row(long position, String streamId, long sequence, Object payload, ClassifiedFact fact, Instant recordedAt,
                               String recordedBy, String importBatch) {
        return row(position, StreamColumns.of(streamId, fact.streamType()), sequence, payload, fact, recordedAt, recordedBy, importBatch);
    }

    /** The columns a history row takes from its stream's identifier: the same for every event of the stream. */
    public record StreamColumns(String streamId, StreamType type, String body, String instrument) {

        public static StreamColumns of(String streamId, StreamType type) {
            String[] stream = streamId.split(":");
            String instrument = null;
            String body = null;
            if (type == StreamType.PARTICIPATION || type == StreamType.REPORTING) {
                InstrumentCode code = InstrumentCode.of(stream[2]);
                instrument = code.value();
                body = TreatyCatalogue.instrument(code).body().value();
            } else if (type == StreamType.COMPETENCE) {
                body = stream[2];
                instrument = TreatyCatalogue.mechanism(TreatyBodyCode.of(stream[2]), MechanismType.valueOf(stream[3]))
                        .map(m -> m.instrument().value()).orElse(null);
            }
            return new StreamColumns(streamId, type, body, instrument);
        }

        /**
         * The identifier the registry gives the stream of this fact, its type and state as the fact names them and the
         * rest as the given identifier names it (ParticipationId and its kin; an instrument by its catalogue code, not an
         * alias); null when the identifier has not its type's shape. A stream named otherwise would be shown under the
         * wrong state, or missed by a filter, by the history read from the event store (HistoryFromEvents), whose
         * filters read the identifiers.
         */
        public static String canonicalId(String streamId, ClassifiedFact fact) {
            String[] stream = streamId.split(":", -1);
            try {
                return switch (fact.streamType()) {
                    case PARTICIPATION -> stream.length == 3 ? ParticipationId.of(fact.state(), InstrumentCode.of(stream[2])) : null;
                    case REPORTING -> stream.length == 3 ? ObligationId.of(fact.state(), InstrumentCode.of(stream[2])) : null;
                    case COMPETENCE -> stream.length == 4
                            ? RecognitionId.of(fact.state(), TreatyBodyCode.of(stream[2]), MechanismType.valueOf(stream[3])) : null;
                    case UPR -> UprId.of(fact.state());
                };
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** These columns if they are the stream's, else the stream's: what a caller going through a stream keeps. */
        public StreamColumns orOf(String streamId, StreamType type) {
            return this.type == type && this.streamId.equals(streamId) ? this : of(streamId, type);
        }
    }

    /** {@link #row} with the stream's columns already worked out (the bulk rebuild goes through the events stream by stream). */
    public static Object[] row(long position, StreamColumns columns, long sequence, Object payload, ClassifiedFact fact,
                               Instant recordedAt, String recordedBy, String importBatch) {
        if (columns.type() != fact.streamType()) {
            throw new IllegalArgumentException("the columns of a " + columns.type() + " stream for a " + fact.streamType() + " fact");
        }
        String streamId = columns.streamId();
        FactDescription description = FactDescription.of(payload);
        String body = columns.body();
        String instrument = columns.instrument();
        return new Object[]{position, streamId, fact.streamType().name(), sequence, fact.state().value(), body, instrument,
                payload.getClass().getSimpleName(),
                description.legalDate() == null ? null : description.legalDate().text(),
                description.legalDate() == null ? null : description.legalDate().precision().name(),
                description.summary(), recordedAt, recordedBy,
                description.source() == null ? null : description.source().symbol(),
                description.source() == null ? null : description.source().locator(),
                description.source() == null ? null : description.source().note(),
                fact.correctsSequence(), reasonOf(payload), importBatch};
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM history_entry");
    }

    @QueryHandler
    public HistoryPage handle(FindHistoryQuery query) {
        List<Object> args = new ArrayList<>();
        String where = source.where(query.state(), query.body(), query.instrument(), query.eventType(), query.recordedUpTo(), args);
        int size = Math.max(1, Math.min(query.size(), 1000));
        int from = Math.max(0, query.page()) * size;
        if (query.legalFrom() == null && query.legalTo() == null) {
            // the common case pages in SQL: a page of the UN-wide history (a million entries) is a page, not the table
            Long total = jdbc.queryForObject("SELECT COUNT(*)" + source.from() + where, Long.class, args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(size);
            pageArgs.add(from);
            List<HistoryEntry> items = jdbc.query(select() + where + " ORDER BY " + source.position() + " LIMIT ? OFFSET ?", source.entries(),
                    pageArgs.toArray());
            return new HistoryPage(items, query.page(), size, total == null ? 0 : total);
        }
        // a legal-date range is checked on the parsed date (its precision decides the overlap): the rows stream past
        // and only the page is kept, so memory does not grow with the history
        List<HistoryEntry> items = new ArrayList<>();
        long[] total = {0};
        RowMapper<HistoryEntry> entries = source.entries();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select() + where + " ORDER BY " + source.position());
            statement.setFetchSize(1000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, (RowCallbackHandler) rs -> {
            HistoryEntry e = entries.mapRow(rs, 0);
            if (inLegalRange(e, query.legalFrom(), query.legalTo())) {
                if (total[0] >= from && items.size() < size) {
                    items.add(e);
                }
                total[0]++;
            }
        });
        return new HistoryPage(items, query.page(), size, total[0]);
    }

    /**
     * A slice of a timeline after a position: the rows come by the primary key's range from where the last slice
     * stopped, so a download of a million entries reads each row once and holds one slice at a time. Paging by
     * offset, as {@link #handle(FindHistoryQuery)} does for the screens, read every skipped row again for each page,
     * and counted them all.
     */
    @QueryHandler
    public HistorySlice handle(FindHistoryAfterQuery query) {
        List<Object> args = new ArrayList<>();
        String where = source.where(query.state(), query.body(), query.instrument(), query.eventType(), query.recordedUpTo(), args);
        int size = Math.max(1, Math.min(query.size(), 5000));
        String sql = select() + where + " AND " + source.position() + " > ? ORDER BY " + source.position() + " LIMIT ?";
        List<HistoryEntry> items = new ArrayList<>();
        long last = query.after();
        while (true) {
            List<Object> sliceArgs = new ArrayList<>(args);
            sliceArgs.add(last);
            sliceArgs.add(size);
            List<HistoryEntry> rows = jdbc.query(sql, source.entries(), sliceArgs.toArray());
            for (HistoryEntry e : rows) {
                last = e.globalIndex();
                // a legal-date range is checked on the parsed date (its precision decides the overlap), so rows
                // outside it are read and passed over
                if (inLegalRange(e, query.legalFrom(), query.legalTo())) {
                    items.add(e);
                    if (items.size() == size) {
                        return new HistorySlice(items, last, false);
                    }
                }
            }
            if (rows.size() < size) {
                return new HistorySlice(items, last, true);
            }
        }
    }

    private String select() {
        return "SELECT " + source.columns() + source.from();
    }

    /** A row of {@link #TABLE}'s values (as {@link #row} gives them) as its entry. */
    static HistoryEntry entry(Object[] v) {
        return new HistoryEntry((Long) v[0], (String) v[1], (String) v[2], (Long) v[3], (String) v[4], (String) v[5], (String) v[6],
                (String) v[7], (String) v[8], (String) v[9], (String) v[10], (Instant) v[11], (String) v[12], (String) v[13],
                (String) v[14], (String) v[15], (Long) v[16], (String) v[17], (String) v[18]);
    }

    private static boolean inLegalRange(HistoryEntry entry, LocalDate legalFrom, LocalDate legalTo) {
        if (legalFrom == null && legalTo == null) {
            return true;
        }
        if (entry.legalDate() == null) {
            return false;
        }
        org.treatyregistry.core.shared.LegalDate date = org.treatyregistry.core.shared.LegalDate.parse(entry.legalDate());
        return (legalFrom == null || !date.latest().isBefore(legalFrom))
                && (legalTo == null || !date.earliest().isAfter(legalTo));
    }

    private static String reasonOf(Object payload) {
        if (payload instanceof ParticipationFactCorrectedEvent e) {
            return e.reason();
        }
        if (payload instanceof CompetenceFactCorrectedEvent e) {
            return e.reason();
        }
        if (payload instanceof ReportingFactCorrectedEvent e) {
            return e.reason();
        }
        if (payload instanceof UprFactCorrectedEvent e) {
            return e.reason();
        }
        return null;
    }
}
