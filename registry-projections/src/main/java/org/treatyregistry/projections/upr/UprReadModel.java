package org.treatyregistry.projections.upr;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.upr.UprFact;
import org.treatyregistry.core.upr.UprMidTermReportSubmittedEvent;
import org.treatyregistry.core.upr.UprReviewHeldEvent;
import org.treatyregistry.projections.facts.FactRepository;
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

    @Override
    public void refresh(String streamId, String state, List<StoredFact> stream) {
        List<UprFact> effective = facts.effective(stream, UprFact.class);
        jdbc.update("DELETE FROM upr_cycle WHERE state_code = ?", state);
        for (UprFact fact : effective) {
            if (fact instanceof UprReviewHeldEvent r) {
                jdbc.update("""
                        INSERT INTO upr_cycle (state_code, cycle, working_group_session, reviewed_on, national_report,
                            outcome_report, source) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, state, r.cycle(), r.workingGroupSession(), r.reviewedOn().text(), r.nationalReport(),
                        r.outcomeReport(), RatificationStatusReadModel.describe(r.source()).orElse(""));
            }
        }
        for (UprFact fact : effective) {
            if (fact instanceof UprMidTermReportSubmittedEvent m) {
                jdbc.update("UPDATE upr_cycle SET mid_term_report = ?, mid_term_submitted_on = ? WHERE state_code = ? AND cycle = ?",
                        m.symbol(), m.submittedOn().text(), state, m.cycle());
            }
        }
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM upr_cycle");
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
