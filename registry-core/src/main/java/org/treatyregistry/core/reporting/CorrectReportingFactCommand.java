package org.treatyregistry.core.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** Corrects a recorded reporting fact; the original stays in the store. */
public record CorrectReportingFactCommand(StateCode state, InstrumentCode instrument, long correctsSequence,
                                          String reason, Source source, ReportingCommand replacement) {

    @TargetAggregateIdentifier
    public String obligationId() {
        return ObligationId.of(state, instrument);
    }
}
