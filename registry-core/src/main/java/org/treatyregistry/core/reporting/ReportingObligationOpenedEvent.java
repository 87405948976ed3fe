package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.StateCode;

/**
 * The instrument entered into force for the state and its reporting obligation to {@code body} began.
 *
 * @param initialReportDue   computed from entry into force by the treaty article in {@code initialReportBasis}
 */
@Revision("1")
public record ReportingObligationOpenedEvent(String obligationId, StateCode state, InstrumentCode instrument,
                                             TreatyBodyCode body, LegalDate entryIntoForce, String entryIntoForceBasis,
                                             LegalDate initialReportDue, String initialReportBasis) implements ReportingFact {

    @Override
    public LegalDate legalDate() {
        return entryIntoForce;
    }
}
