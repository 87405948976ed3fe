package org.treatyregistry.core.upr;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.shared.StateCode;

@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RecordUprReviewCommand.class, name = "review"),
        @JsonSubTypes.Type(value = RecordUprMidTermReportCommand.class, name = "mid-term-report")
})
public sealed interface UprCommand permits RecordUprReviewCommand, RecordUprMidTermReportCommand {

    StateCode state();

    int cycle();

    /** One stream per state: {@code upr:KAZ}. */
    @TargetAggregateIdentifier
    default String uprId() {
        return UprId.of(state());
    }
}
