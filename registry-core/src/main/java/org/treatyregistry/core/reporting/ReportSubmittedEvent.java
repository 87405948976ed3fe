package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param receivedOn {@code null} when the report is known to have been submitted but no source gives the date */
@Revision("1")
public record ReportSubmittedEvent(String obligationId, StateCode state, InstrumentCode instrument, String symbol,
                                   LegalDate receivedOn, ReportCoverage covers, ReportingProcedure procedure,
                                   Source source) implements ReportingFact {

    @Override
    public LegalDate legalDate() {
        return receivedOn;
    }
}
