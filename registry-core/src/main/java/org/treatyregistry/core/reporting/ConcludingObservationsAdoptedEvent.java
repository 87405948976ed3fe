package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;

@Revision("1")
public record ConcludingObservationsAdoptedEvent(String obligationId, StateCode state, InstrumentCode instrument,
                                                 String symbol, LegalDate adoptedOn, String reviewSession,
                                                 NextReportRequest nextReport, List<FollowUpRequest> followUp,
                                                 Source source) implements ReportingFact {

    public ConcludingObservationsAdoptedEvent {
        followUp = followUp == null ? List.of() : List.copyOf(followUp);
    }

    @Override
    public LegalDate legalDate() {
        return adoptedOn;
    }
}
