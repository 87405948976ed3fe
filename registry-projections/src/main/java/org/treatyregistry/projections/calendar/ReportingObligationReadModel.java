package org.treatyregistry.projections.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;

import java.sql.Timestamp;
import java.util.List;

/** The list of open reporting obligations; the items of each are derived on read from its projected facts. */
@Component
public class ReportingObligationReadModel implements StreamReadModel {

    private final JdbcTemplate jdbc;
    private final FactRepository facts;

    public ReportingObligationReadModel(JdbcTemplate jdbc, FactRepository facts) {
        this.jdbc = jdbc;
        this.facts = facts;
    }

    @Override
    public StreamType streamType() {
        return StreamType.REPORTING;
    }

    @Override
    public void refresh(String streamId, String state, List<StoredFact> stream) {
        List<ReportingFact> effective = facts.effective(stream, ReportingFact.class);
        if (!(effective.get(0) instanceof ReportingObligationOpenedEvent opened)) {
            return;
        }
        jdbc.update("DELETE FROM reporting_obligation WHERE obligation_id = ?", streamId);
        jdbc.update("INSERT INTO reporting_obligation (obligation_id, state_code, instrument, body, entry_into_force, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                streamId, state, opened.instrument().value(), opened.body().value(), opened.entryIntoForce().text(),
                Timestamp.from(stream.get(stream.size() - 1).recordedAt()));
    }

    @Override
    public void deleteAll() {
        jdbc.update("DELETE FROM reporting_obligation");
    }
}
