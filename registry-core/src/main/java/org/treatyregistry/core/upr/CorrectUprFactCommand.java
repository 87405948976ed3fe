package org.treatyregistry.core.upr;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

public record CorrectUprFactCommand(StateCode state, long correctsSequence, String reason, Source source,
                                    UprCommand replacement) {

    @TargetAggregateIdentifier
    public String uprId() {
        return UprId.of(state);
    }
}
