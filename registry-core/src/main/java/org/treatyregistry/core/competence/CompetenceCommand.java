package org.treatyregistry.core.competence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.StateCode;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RecognizeCompetenceCommand.class, name = "recognition"),
        @JsonSubTypes.Type(value = RecordCompetenceOptOutCommand.class, name = "opt-out"),
        @JsonSubTypes.Type(value = WithdrawCompetenceCommand.class, name = "withdrawal")
})
public sealed interface CompetenceCommand permits RecognizeCompetenceCommand, RecordCompetenceOptOutCommand, WithdrawCompetenceCommand {

    StateCode state();

    TreatyBodyCode body();

    MechanismType mechanism();

    @TargetAggregateIdentifier
    default String recognitionId() {
        return RecognitionId.of(state(), body(), mechanism());
    }
}
