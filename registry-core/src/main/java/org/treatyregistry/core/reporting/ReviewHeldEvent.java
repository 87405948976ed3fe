package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;

@Revision("1")
public record ReviewHeldEvent(String obligationId, StateCode state, InstrumentCode instrument, String session,
                              LegalDate startedOn, LegalDate endedOn, List<String> reportSymbols,
                              boolean inAbsenceOfReport, Source source) implements ReportingFact {

    public ReviewHeldEvent {
        reportSymbols = reportSymbols == null ? List.of() : List.copyOf(reportSymbols);
    }

    @Override
    public LegalDate legalDate() {
        return startedOn;
    }
}
