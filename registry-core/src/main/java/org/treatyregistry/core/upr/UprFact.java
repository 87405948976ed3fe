package org.treatyregistry.core.upr;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = UprReviewHeldEvent.class, name = "review"),
        @JsonSubTypes.Type(value = UprMidTermReportSubmittedEvent.class, name = "mid-term-report")
})
public sealed interface UprFact permits UprReviewHeldEvent, UprMidTermReportSubmittedEvent {

    String uprId();

    int cycle();

    StateCode state();

    Source source();
}
