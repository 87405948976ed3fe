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
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.Json;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
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
        RatificationStatus s = status(streamId, facts.effective(stream, ParticipationFact.class));
        sink.row(TABLE, streamId, s.state(), s.instrument(), s.body(), s.signedOn(), s.action(), s.depositedOn(), s.entryIntoForce(),
                s.entryIntoForceBasis(), s.denouncedOn(), s.denunciationEffective(), Json.write(json, s.reservations()),
                Json.write(json, s.sources()), stream.get(stream.size() - 1).recordedAt());
    }

    /** A participation's standing from its effective facts: the same computation for the table and the as-of views. */
    static RatificationStatus status(String streamId, List<ParticipationFact> effective) {
        ParticipationState s = ParticipationState.of(effective);
        InstrumentCode instrument = InstrumentCode.of(streamId.substring(streamId.lastIndexOf(':') + 1));
        InstrumentDefinition definition = TreatyCatalogue.instrument(instrument);
        List<ReservationView> reservations = s.activeReservations().values().stream()
                .map(r -> new ReservationView(r.reference(), r.kind().name(), r.article(), r.text(), text(r.madeOn()))).toList();
        LinkedHashSet<String> sources = new LinkedHashSet<>();
        effective.forEach(f -> describe(f.source()).ifPresent(sources::add));
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
                reservations, new ArrayList<>(sources));
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
