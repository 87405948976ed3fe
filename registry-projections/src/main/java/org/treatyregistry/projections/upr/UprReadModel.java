package org.treatyregistry.projections.upr;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.upr.UprFact;
import org.treatyregistry.core.upr.UprMidTermReportSubmittedEvent;
import org.treatyregistry.core.upr.UprReviewHeldEvent;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;
import org.treatyregistry.projections.ratification.RatificationStatusReadModel;

import java.util.List;

/** UPR cycles of each state. */
@Component
public class UprReadModel implements StreamReadModel {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;

    public UprReadModel(JdbcTemplate jdbc, FactRepository facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    @Override
    public StreamType streamType() {
        return StreamType.UPR;
    }

    static final ReadModelTable TABLE = ReadModelTable.of("upr_cycle", "state_code", "state_code", "cycle", "working_group_session",
            "reviewed_on", "national_report", "outcome_report", "mid_term_report", "mid_term_submitted_on", "source");

    @Override
    public List<ReadModelTable> tables() {
        return List.of(TABLE);
    }

    /** One stream per state (upr:KAZ), so its rows are the state's. */
    @Override
    public String key(String streamId, String state) {
        return state;
    }

    @Override
    public void rows(String streamId, String state, List<StoredFact> stream, RowSink sink) {
        List<UprFact> effective = facts.effective(stream, UprFact.class);
        java.util.Map<Integer, UprMidTermReportSubmittedEvent> midTerm = new java.util.HashMap<>();
        for (UprFact fact : effective) {
            if (fact instanceof UprMidTermReportSubmittedEvent m) {
                midTerm.put(m.cycle(), m);
            }
        }
        for (UprFact fact : effective) {
            if (fact instanceof UprReviewHeldEvent r) {
                UprMidTermReportSubmittedEvent m = midTerm.get(r.cycle());
                sink.row(TABLE, state, r.cycle(), r.workingGroupSession(), r.reviewedOn().text(), r.nationalReport(),
                        r.outcomeReport(), m == null ? null : m.symbol(), m == null ? null : m.submittedOn().text(),
                        RatificationStatusReadModel.describe(r.source()).orElse(""));
            }
        }
    }

    @QueryHandler
    public UprCycleList handle(FindUprCyclesQuery query) {
        String sql = "SELECT * FROM upr_cycle" + (query.state() == null ? "" : " WHERE state_code = ?") + " ORDER BY state_code, cycle";
        Object[] args = query.state() == null ? new Object[0] : new Object[]{query.state()};
        return new UprCycleList(jdbc.query(sql, (rs, i) -> new UprCycleView(rs.getString("state_code"), rs.getInt("cycle"),
                rs.getString("working_group_session"), rs.getString("reviewed_on"), rs.getString("national_report"),
                rs.getString("outcome_report"), rs.getString("mid_term_report"), rs.getString("mid_term_submitted_on"),
                rs.getString("source")), args));
    }
}
