package org.treatyregistry.projections.ratification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.ratification.ParticipationFact;
import org.treatyregistry.core.ratification.ParticipationState;
import org.treatyregistry.core.ratification.ReservationEnteredEvent;
import org.treatyregistry.core.ratification.ReservationWithdrawnEvent;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.Json;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamCache;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;
import org.treatyregistry.projections.facts.ValidTime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Ratification status: one row per state and instrument, recomputed from the participation's effective facts. */
@Component
public class RatificationStatusReadModel implements StreamReadModel {

    private static final TypeReference<List<ReservationView>> RESERVATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final FactRepository facts;
    private final ObjectMapper json;
    // each participation's standing as of the last time its row was worked out (before that batch's commit: a batch
    // rolled back leaves one that the stream read anew does not match): one more fact then costs one more step, not all
    // of them again (a participation's row carries every reservation in force)
    private final StreamCache<Standing> standings = new StreamCache<>(8192);

    public RatificationStatusReadModel(JdbcTemplate jdbc, FactRepository facts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.json = json;
    }

    @Override
    public StreamType streamType() {
        return StreamType.PARTICIPATION;
    }

    static final ReadModelTable TABLE = ReadModelTable.of("participation_status", "participation_id", "participation_id",
            "state_code", "instrument", "body", "signed_on", "consent_action", "deposited_on", "entry_into_force",
            "entry_into_force_basis", "denounced_on", "denunciation_effective", "reservations", "sources", "updated_at");

    @Override
    public List<ReadModelTable> tables() {
        return List.of(TABLE);
    }

    @Override
    public void rows(String streamId, String state, List<StoredFact> stream, RowSink sink) {
        Standing standing = standing(streamId, stream);
        RatificationStatus s = status(streamId, standing.fold.state(), null, null);
        sink.row(TABLE, streamId, s.state(), s.instrument(), s.body(), s.signedOn(), s.action(), s.depositedOn(), s.entryIntoForce(),
                s.entryIntoForceBasis(), s.denouncedOn(), s.denunciationEffective(), standing.reservationsJson, standing.sourcesJson,
                stream.get(stream.size() - 1).recordedAt());
    }

    /**
     * What a participation's facts add up to, for its row: the standing kept from the stream's last rewrite with the
     * new facts added, when the live projection hands over that same stream grown at the end by facts that correct
     * nothing; else worked out from all the facts. The stream is the same when its fact at the kept standing's last
     * position is the very object it was then: the projection extends the list it keeps only by appending, and a
     * stream read anew (after a rollback, a restart, by another instance or by a rebuild) is new objects.
     */
    private Standing standing(String streamId, List<StoredFact> stream) {
        // taken out while it is worked on: a kept standing is extended in place, so no other thread may have it (a
        // stream is projected by its segment's thread, but a handover could overlap), and one left half-extended by a
        // failure must not be found again
        Standing kept = standings.take(streamId);
        List<StoredFact> added = kept != null && kept.size <= stream.size() && stream.get(kept.size - 1) == kept.last
                ? stream.subList(kept.size, stream.size()) : null;
        Standing standing;
        if (added != null && added.stream().allMatch(row -> row.correctsSequence() == null)) {
            standing = kept.plus(facts.effective(added, ParticipationFact.class), stream, json);
        } else {
            standing = Standing.of(facts.effective(stream, ParticipationFact.class), stream, json);
        }
        standings.put(streamId, standing);
        return standing;
    }

    /**
     * A participation's standing after its first {@code size} facts, with its JSON columns. The reservations column
     * grows by one element when a fact enters a reservation under a new reference, as a list serialised anew would.
     */
    private static final class Standing {
        private final ParticipationState.Fold fold;
        private final LinkedHashSet<String> sources;
        private final int size;
        private final StoredFact last;
        private final String reservationsJson;
        private final String sourcesJson;

        private Standing(ParticipationState.Fold fold, LinkedHashSet<String> sources, List<StoredFact> stream,
                         String reservationsJson, String sourcesJson) {
            this.fold = fold;
            this.sources = sources;
            this.size = stream.size();
            this.last = stream.get(size - 1);
            this.reservationsJson = reservationsJson;
            this.sourcesJson = sourcesJson;
        }

        static Standing of(List<ParticipationFact> effective, List<StoredFact> stream, ObjectMapper json) {
            ParticipationState.Fold fold = ParticipationState.Fold.of(effective);
            LinkedHashSet<String> sources = sources(effective);
            return new Standing(fold, sources, stream, Json.write(json, views(fold.state())), Json.write(json, sources));
        }

        /** This standing with {@code added} (facts that correct nothing) after it; it is not used again. */
        Standing plus(List<ParticipationFact> added, List<StoredFact> stream, ObjectMapper json) {
            String reservations = reservationsJson;
            int sourceCount = sources.size();
            for (ParticipationFact fact : added) {
                boolean entersNew = fact instanceof ReservationEnteredEvent e && !fold.state().activeReservations().containsKey(e.reference());
                fold.add(fact);
                if (entersNew && reservations != null) {
                    String element = Json.write(json, List.of(view((ReservationEnteredEvent) fact)));
                    element = element.substring(1, element.length() - 1);
                    reservations = reservations.equals("[]") ? "[" + element + "]"
                            : reservations.substring(0, reservations.length() - 1) + "," + element + "]";
                } else if (!entersNew && (fact instanceof ReservationEnteredEvent || fact instanceof ReservationWithdrawnEvent)) {
                    // entered again under a reference in force (in place), or withdrawn: written anew below
                    reservations = null;
                }
                describe(fact.source()).ifPresent(sources::add);
            }
            if (reservations == null) {
                reservations = Json.write(json, views(fold.state()));
            }
            return new Standing(fold, sources, stream, reservations, sources.size() == sourceCount ? sourcesJson : Json.write(json, sources));
        }
    }

    /** A participation's standing from its effective facts: the same computation for the table and the as-of views. */
    static RatificationStatus status(String streamId, List<ParticipationFact> effective) {
        ParticipationState s = ParticipationState.of(effective);
        return status(streamId, s, views(s), new ArrayList<>(sources(effective)));
    }

    private static List<ReservationView> views(ParticipationState s) {
        return s.activeReservations().values().stream().map(RatificationStatusReadModel::view).toList();
    }

    private static ReservationView view(ReservationEnteredEvent r) {
        return new ReservationView(r.reference(), r.kind().name(), r.article(), r.text(), text(r.madeOn()));
    }

    private static LinkedHashSet<String> sources(List<ParticipationFact> effective) {
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        effective.forEach(f -> describe(f.source()).ifPresent(sources::add));
        return sources;
    }

    private static RatificationStatus status(String streamId, ParticipationState s, List<ReservationView> reservations, List<String> sources) {
        InstrumentCode instrument = InstrumentCode.of(streamId.substring(streamId.lastIndexOf(':') + 1));
        InstrumentDefinition definition = TreatyCatalogue.instrument(instrument);
        String state = streamId.split(":")[1];
        return new RatificationStatus(state, instrument.value(), definition.title(), definition.body().value(),
                s.signature() == null ? null : text(s.signature().signedOn()),
                s.ratification() == null ? null : s.ratification().action().name(),
                s.ratification() == null ? null : text(s.ratification().depositedOn()),
                s.ratification() == null ? null : text(s.ratification().entryIntoForce()),
                s.ratification() == null ? null : s.ratification().entryIntoForceBasis(),
                s.isParty(),
                s.denunciation() == null ? null : text(s.denunciation().notifiedOn()),
                s.denunciation() == null ? null : text(s.denunciation().effectiveOn()),
                reservations, sources);
    }

    @QueryHandler
    public RatificationStatusList handle(FindRatificationStatusQuery query) {
        if (query.asOf()) {
            List<RatificationStatus> items = new ArrayList<>();
            facts.forEachStream(StreamType.PARTICIPATION, query.state(), query.recordedAt(), (streamId, rows) -> {
                List<ParticipationFact> effective = ValidTime.upTo(facts.effective(rows, ParticipationFact.class), query.validAt());
                if (!effective.isEmpty()) {
                    RatificationStatus status = status(streamId, effective);
                    if ((query.instrument() == null || query.instrument().equals(status.instrument()))
                            && (query.body() == null || query.body().equals(status.body()))) {
                        items.add(status);
                    }
                }
            });
            items.sort(java.util.Comparator.comparing(RatificationStatus::state).thenComparing(RatificationStatus::instrument));
            return new RatificationStatusList(items);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM participation_status WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.state() != null) {
            sql.append(" AND state_code = ?");
            args.add(query.state());
        }
        if (query.instrument() != null) {
            sql.append(" AND instrument = ?");
            args.add(query.instrument());
        }
        if (query.body() != null) {
            sql.append(" AND body = ?");
            args.add(query.body());
        }
        sql.append(" ORDER BY state_code, instrument");
        List<RatificationStatus> rows = jdbc.query(sql.toString(), (rs, i) -> {
            InstrumentCode code = InstrumentCode.of(rs.getString("instrument"));
            return new RatificationStatus(rs.getString("state_code"), code.value(), TreatyCatalogue.instrument(code).title(),
                    rs.getString("body"), rs.getString("signed_on"), rs.getString("consent_action"), rs.getString("deposited_on"),
                    rs.getString("entry_into_force"), rs.getString("entry_into_force_basis"),
                    rs.getString("consent_action") != null && rs.getString("denounced_on") == null,
                    rs.getString("denounced_on"), rs.getString("denunciation_effective"),
                    Json.read(json, rs.getString("reservations"), RESERVATIONS), Json.read(json, rs.getString("sources"), STRINGS));
        }, args.toArray());
        return new RatificationStatusList(rows);
    }

    static String text(LegalDate date) {
        return date == null ? null : date.text();
    }

    public static java.util.Optional<String> describe(Source source) {
        if (source == null) {
            return java.util.Optional.empty();
        }
        String text = Objects.requireNonNullElse(source.symbol(), Objects.requireNonNullElse(source.locator(), ""));
        return text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text);
    }
}
