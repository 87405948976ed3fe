package org.treatyregistry.projections.calendar;

import org.springframework.stereotype.Component;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;

import java.util.List;

/** The list of open reporting obligations; the items of each are derived on read from its projected facts. */
@Component
public class ReportingObligationReadModel implements StreamReadModel {

    private final FactRepository facts;

    public ReportingObligationReadModel(FactRepository facts) {
        this.facts = facts;
    }

    @Override
    public StreamType streamType() {
        return StreamType.REPORTING;
    }

    static final ReadModelTable TABLE = ReadModelTable.of("reporting_obligation", "obligation_id", "obligation_id", "state_code",
            "instrument", "body", "entry_into_force", "updated_at");

    @Override
    public List<ReadModelTable> tables() {
        return List.of(TABLE);
    }

    @Override
    public void rows(String streamId, String state, List<StoredFact> stream, RowSink sink) {
        List<ReportingFact> effective = facts.effective(stream, ReportingFact.class);
        if (effective.get(0) instanceof ReportingObligationOpenedEvent opened) {
            sink.row(TABLE, streamId, state, opened.instrument().value(), opened.body().value(), opened.entryIntoForce().text(),
                    stream.get(stream.size() - 1).recordedAt());
        }
    }
}
