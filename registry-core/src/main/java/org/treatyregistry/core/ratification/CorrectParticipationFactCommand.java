package org.treatyregistry.core.ratification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * Corrects a recorded participation fact. The original event stays in the store; this records what the fact should
 * have been, why, and on what source.
 *
 * @param correctsSequence the sequence number of the event being corrected, in this participation's stream
 * @param replacement      the fact as it should have been recorded, of the same kind as the original
 */
public record CorrectParticipationFactCommand(StateCode state, InstrumentCode instrument, long correctsSequence,
                                              String reason, Source source, ParticipationCommand replacement) {

    @TargetAggregateIdentifier
    public String participationId() {
        return ParticipationId.of(state, instrument);
    }
}
