package org.treatyregistry.projections.competence;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.competence.CompetenceFact;
import org.treatyregistry.core.competence.CompetenceState;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;
import org.treatyregistry.projections.facts.ValidTime;
import org.treatyregistry.projections.ratification.RatificationStatusReadModel;

import java.util.ArrayList;
import java.util.List;

/** Competence recognitions: one row per state, body and mechanism. */
@Component
public class CompetenceReadModel implements StreamReadModel {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;

    public CompetenceReadModel(JdbcTemplate jdbc, FactRepository facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    @Override
    public StreamType streamType() {
        return StreamType.COMPETENCE;
    }

    static final ReadModelTable TABLE = ReadModelTable.of("competence_status", "recognition_id", "recognition_id", "state_code",
            "body", "mechanism", "basis", "acceptance_mode", "status", "effective_from", "declared_on", "withdrawn_on", "source",
            "updated_at");

    @Override
    public List<ReadModelTable> tables() {
        return List.of(TABLE);
    }

    @Override
    public void rows(String streamId, String state, List<StoredFact> stream, RowSink sink) {
        CompetenceRecognitionView v = view(streamId, facts.effective(stream, CompetenceFact.class));
        sink.row(TABLE, streamId, v.state(), v.body(), v.mechanism(), v.basis(), v.acceptanceMode(), v.status(), v.effectiveFrom(),
                v.declaredOn(), v.withdrawnOn(), v.source(), stream.get(stream.size() - 1).recordedAt());
    }

    /** A recognition's standing from its effective facts: the same computation for the table and the as-of views. */
    static CompetenceRecognitionView view(String streamId, List<CompetenceFact> effective) {
        CompetenceState s = CompetenceState.of(effective);
        String[] parts = streamId.split(":");
        String basis = s.recognition() == null ? "" : s.recognition().instrument() + " " + s.recognition().article();
        String mode = s.recognition() == null ? "" : s.recognition().mode().name();
        String status = s.recognized() ? "RECOGNIZED" : s.withdrawal() != null ? "WITHDRAWN" : s.optedOut() ? "OPTED_OUT" : "NOT_RECOGNIZED";
        if (s.recognition() == null && s.optOut() != null) {
            basis = s.optOut().optOutArticle() + " (opt-out)";
            mode = "AUTOMATIC_UNLESS_OPTED_OUT";
        }
        CompetenceFact last = effective.get(effective.size() - 1);
        return new CompetenceRecognitionView(parts[1], parts[2], TreatyCatalogue.bodyName(TreatyBodyCode.of(parts[2])), parts[3],
                basis, mode, status,
                s.recognition() == null ? null : text(s.recognition().effectiveFrom()),
                s.recognition() != null ? text(s.recognition().declaredOn()) : s.optOut() == null ? null : text(s.optOut().declaredOn()),
                s.withdrawal() == null ? null : text(s.withdrawal().withdrawnOn()),
                RatificationStatusReadModel.describe(last.source()).orElse(""));
    }

    @QueryHandler
    public CompetenceRecognitionList handle(FindCompetenceRecognitionsQuery query) {
        if (query.asOf()) {
            List<CompetenceRecognitionView> items = new ArrayList<>();
            facts.forEachStream(StreamType.COMPETENCE, query.state(), query.recordedAt(), (streamId, rows) -> {
                List<CompetenceFact> effective = ValidTime.upTo(facts.effective(rows, CompetenceFact.class), query.validAt());
                if (!effective.isEmpty()) {
                    CompetenceRecognitionView v = view(streamId, effective);
                    if ((query.body() == null || query.body().equals(v.body())) && (query.mechanism() == null || query.mechanism().equals(v.mechanism()))) {
                        items.add(v);
                    }
                }
            });
            items.sort(java.util.Comparator.comparing(CompetenceRecognitionView::state).thenComparing(CompetenceRecognitionView::body)
                    .thenComparing(CompetenceRecognitionView::mechanism));
            return new CompetenceRecognitionList(items);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM competence_status WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.state() != null) {
            sql.append(" AND state_code = ?");
            args.add(query.state());
        }
        if (query.body() != null) {
            sql.append(" AND body = ?");
            args.add(query.body());
        }
        if (query.mechanism() != null) {
            sql.append(" AND mechanism = ?");
            args.add(query.mechanism());
        }
        sql.append(" ORDER BY state_code, body, mechanism");
        return new CompetenceRecognitionList(jdbc.query(sql.toString(), (rs, i) -> new CompetenceRecognitionView(
                rs.getString("state_code"), rs.getString("body"), TreatyCatalogue.bodyName(TreatyBodyCode.of(rs.getString("body"))),
                rs.getString("mechanism"), rs.getString("basis"), rs.getString("acceptance_mode"), rs.getString("status"),
                rs.getString("effective_from"), rs.getString("declared_on"), rs.getString("withdrawn_on"), rs.getString("source")),
                args.toArray()));
    }

    private static String text(LegalDate date) {
        return date == null ? null : date.text();
    }
}
