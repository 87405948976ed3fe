package org.treatyregistry.projections.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.util.ClassUtils;
import org.treatyregistry.core.catalogue.CompetenceMechanism;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.competence.CompetenceFact;
import org.treatyregistry.core.competence.CompetenceFactCorrectedEvent;
import org.treatyregistry.core.ratification.ParticipationFact;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.upr.UprFact;
import org.treatyregistry.core.upr.UprFactCorrectedEvent;
import org.treatyregistry.projections.facts.ClassifiedFact;
import org.treatyregistry.projections.facts.EventPayloads;
import org.treatyregistry.projections.facts.MetaDataFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The history read from the event store's own table, when that table is in this database and its payloads read back as
 * written ({@link EventPayloads}). A history entry is one event seen through {@link HistoryProjection#row}; a table
 * holding that row for every event was a second copy of the event store, written again on every append and rewritten by
 * every rebuild, where it was half the rebuild's work (docs/performance.md, session 10). Here each entry is worked out
 * when it is read, from the same function, so both ways give the same entries (HistoryFromEventsTest compares them).
 * <p>
 * Only what the projection would have seen is shown: events of the fact streams up to the sealed head, where the
 * projection processor reads up to too (EventStoreConfig).
 */
final class HistoryFromEvents implements HistorySource {

    /**
     * A stream's state: the second part of its identifier ({@code participation:KAZ:CCPR}, see ParticipationId and its
     * kin), three letters. PostgreSQL indexes this very expression with the position (V12__event_state_index); H2 reads
     * it too.
     */
    static final String STATE = "SUBSTRING(e.aggregate_identifier FROM POSITION(':' IN e.aggregate_identifier) + 1 FOR 3)";

    private static final String[] STREAM_PREFIXES_BY_INSTRUMENT = {"participation:%:", "obligation:%:"};

    private final String table;
    private final ObjectMapper json;
    // the event classes that are facts (ClassifiedFact), by stored type name; and their stored names by simple name, as
    // the history's event type shows them
    private final Map<String, Class<?>> factTypes;
    private final Map<String, String> typeBySimpleName;
    private final String factTypeList;

    HistoryFromEvents(EventPayloads events, ObjectMapper json) {
        this.table = events.eventTable();
        this.json = json;
        this.factTypes = factEventTypes();
        this.typeBySimpleName = factTypes.values().stream().collect(Collectors.toMap(Class::getSimpleName, Class::getName));
        this.factTypeList = factTypes.keySet().stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    @Override
    public String from() {
        return " FROM " + table + " e";
    }

    @Override
    public String columns() {
        return "e.global_index, e.aggregate_identifier, e.sequence_number, e.time_stamp, e.payload_type, e.payload, e.meta_data";
    }

    @Override
    public String position() {
        return "e.global_index";
    }

    @Override
    public String where(String state, String body, String instrument, String eventType, Instant recordedUpTo, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE e.global_index <= (SELECT c.global_index FROM event_chain_head c WHERE c.id = 1)"
                + " AND e.payload_type IN (" + factTypeList + ")");
        if (state != null) {
            where.append(" AND ").append(STATE).append(" = ?");
            args.add(state);
        }
        if (body != null) {
            List<String> streams = new ArrayList<>();
            for (InstrumentDefinition definition : TreatyCatalogue.instruments()) {
                if (definition.body().value().equals(body)) {
                    streamsOf(definition.code().value(), streams);
                }
            }
            streams.add("competence:%:" + literal(body) + ":%");
            anyOf(where, args, streams);
        }
        if (instrument != null) {
            List<String> streams = new ArrayList<>();
            streamsOf(instrument, streams);
            for (CompetenceMechanism mechanism : TreatyCatalogue.mechanisms()) {
                if (mechanism.instrument() != null && mechanism.instrument().value().equals(instrument)) {
                    streams.add("competence:%:" + literal(mechanism.body().value()) + ":" + literal(mechanism.type().name()));
                }
            }
            anyOf(where, args, streams);
        }
        if (eventType != null) {
            // the history names an event by its class's simple name; the store by its stored type
            where.append(" AND e.payload_type = ?");
            args.add(typeBySimpleName.getOrDefault(eventType, ""));
        }
        if (recordedUpTo != null) {
            // the store writes every instant in one fixed-width UTC form, yyyy-MM-ddTHH:mm:ss.SSSZ (Axon's writeTimestamp,
            // DateTimeUtils.formatInstant, and the import through it), which sorts as the instants do; the limit in the
            // same form is cut to its millisecond, as the stored instants are
            where.append(" AND e.time_stamp <= ?");
            args.add(DateTimeUtils.formatInstant(recordedUpTo));
        }
        return where.toString();
    }

    /** The streams whose history shows this instrument: its participations and its reporting obligations. */
    private static void streamsOf(String instrument, List<String> streams) {
        for (String prefix : STREAM_PREFIXES_BY_INSTRUMENT) {
            streams.add(prefix + literal(instrument));
        }
    }

    private static void anyOf(StringBuilder where, List<Object> args, List<String> streamPatterns) {
        if (streamPatterns.isEmpty()) {
            where.append(" AND 1 = 0");
            return;
        }
        where.append(" AND (");
        for (int i = 0; i < streamPatterns.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("e.aggregate_identifier LIKE ? ESCAPE '!'");
            args.add(streamPatterns.get(i));
        }
        where.append(")");
    }

    /** A code matched as itself in a LIKE pattern. */
    private static String literal(String code) {
        return code.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** An event row as its history entry, worked out as the projection would have written it. */
    @Override
    public RowMapper<HistoryEntry> entries() {
        return (rs, i) -> {
            String type = rs.getString(5);
            Class<?> factType = factTypes.get(type);
            try {
                Object payload = json.readValue(rs.getBytes(6), factType);
                ClassifiedFact fact = ClassifiedFact.of(payload)
                        .orElseThrow(() -> new IllegalStateException(type + " is not a fact"));
                String[] meta = MetaDataFields.read(rs.getBytes(7), json.getFactory());
                return HistoryProjection.entry(HistoryProjection.row(rs.getLong(1), rs.getString(2), rs.getLong(3), payload, fact,
                        Instant.parse(rs.getString(4)), meta[0], meta[1]));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event at " + rs.getLong(1) + " as " + type, e);
            }
        };
    }

    /**
     * The event classes of the registry that are facts of a stream, or corrections of one: what {@link ClassifiedFact}
     * classifies, found on the class path so that a new fact event needs no list kept here.
     */
    static Map<String, Class<?>> factEventTypes() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        for (Class<?> kind : List.of(ParticipationFact.class, ParticipationFactCorrectedEvent.class, CompetenceFact.class,
                CompetenceFactCorrectedEvent.class, ReportingFact.class, ReportingFactCorrectedEvent.class, UprFact.class,
                UprFactCorrectedEvent.class)) {
            scan.addIncludeFilter(new AssignableTypeFilter(kind));
        }
        Map<String, Class<?>> types = new TreeMap<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("org.treatyregistry.core")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), HistoryFromEvents.class.getClassLoader());
            if (!type.getName().matches("[A-Za-z0-9_.$]+")) {
                throw new IllegalStateException("an event class name the history cannot quote: " + type.getName());
            }
            types.put(type.getName(), type);
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("no fact event classes found under org.treatyregistry.core");
        }
        return Collections.unmodifiableMap(types);
    }
}
