package org.treatyregistry.core.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.StateCode;

/**
 * Opens the obligation when the instrument enters into force for the state. Sent by {@link ReportingObligationPolicy}
 * from the participation record; sent again with another date, it corrects the opening (and so the initial due date).
 */
public record OpenReportingObligationCommand(StateCode state, InstrumentCode instrument, LegalDate entryIntoForce,
                                             String entryIntoForceBasis) {

    @TargetAggregateIdentifier
    public String obligationId() {
        return ObligationId.of(state, instrument);
    }
}
