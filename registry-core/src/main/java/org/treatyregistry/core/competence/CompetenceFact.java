package org.treatyregistry.core.competence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CompetenceRecognizedEvent.class, name = "recognition"),
        @JsonSubTypes.Type(value = CompetenceOptedOutEvent.class, name = "opt-out"),
        @JsonSubTypes.Type(value = CompetenceWithdrawnEvent.class, name = "withdrawal")
})
public sealed interface CompetenceFact permits CompetenceRecognizedEvent, CompetenceOptedOutEvent, CompetenceWithdrawnEvent {

    String recognitionId();

    StateCode state();

    Source source();
}
