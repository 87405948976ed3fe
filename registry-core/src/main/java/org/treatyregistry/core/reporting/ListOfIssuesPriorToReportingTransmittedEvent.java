package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record ListOfIssuesPriorToReportingTransmittedEvent(String obligationId, StateCode state,
                                                           InstrumentCode instrument, String symbol,
                                                           LegalDate transmittedOn, LegalDate replyDue,
                                                           ReportCoverage covers, Source source) implements ReportingFact {

    @Override
    public LegalDate legalDate() {
        return transmittedOn;
    }
}
