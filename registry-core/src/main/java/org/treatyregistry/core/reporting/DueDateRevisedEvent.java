package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param decidedOn the legal date of the revision: when the committee's decision was made, if known; else the new due date */
@Revision("1")
public record DueDateRevisedEvent(String obligationId, StateCode state, InstrumentCode instrument, String itemId,
                                  LegalDate previousDue, LegalDate newDue, String reason, String decisionSymbol,
                                  Source source) implements ReportingFact {

    @Override
    public LegalDate legalDate() {
        return newDue;
    }
}
