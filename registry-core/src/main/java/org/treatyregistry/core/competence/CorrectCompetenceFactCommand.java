package org.treatyregistry.core.competence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

public record CorrectCompetenceFactCommand(StateCode state, TreatyBodyCode body, MechanismType mechanism,
                                           long correctsSequence, String reason, Source source,
                                           CompetenceCommand replacement) {

    @TargetAggregateIdentifier
    public String recognitionId() {
        return RecognitionId.of(state, body, mechanism);
    }
}
