package org.treatyregistry.core.reporting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.StateCode;

/** A command that records one fact in a reporting obligation; a correction carries one as its replacement. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RecordReportSubmissionCommand.class, name = "report"),
        @JsonSubTypes.Type(value = RecordListOfIssuesPriorToReportingCommand.class, name = "loipr"),
        @JsonSubTypes.Type(value = RecordReviewCommand.class, name = "review"),
        @JsonSubTypes.Type(value = RecordConcludingObservationsCommand.class, name = "concluding-observations"),
        @JsonSubTypes.Type(value = RecordFollowUpSubmissionCommand.class, name = "follow-up"),
        @JsonSubTypes.Type(value = ReviseDueDateCommand.class, name = "due-date-revision")
})
public sealed interface ReportingCommand permits RecordReportSubmissionCommand, RecordListOfIssuesPriorToReportingCommand,
        RecordReviewCommand, RecordConcludingObservationsCommand, RecordFollowUpSubmissionCommand, ReviseDueDateCommand {

    StateCode state();

    InstrumentCode instrument();

    @TargetAggregateIdentifier
    default String obligationId() {
        return ObligationId.of(state(), instrument());
    }
}
