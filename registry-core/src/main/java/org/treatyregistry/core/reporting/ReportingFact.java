package org.treatyregistry.core.reporting;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.StateCode;

/** A fact in a reporting obligation's history; the schedule of due items is derived from these alone. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReportingObligationOpenedEvent.class, name = "opened"),
        @JsonSubTypes.Type(value = ReportSubmittedEvent.class, name = "report"),
        @JsonSubTypes.Type(value = ListOfIssuesPriorToReportingTransmittedEvent.class, name = "loipr"),
        @JsonSubTypes.Type(value = ReviewHeldEvent.class, name = "review"),
        @JsonSubTypes.Type(value = ConcludingObservationsAdoptedEvent.class, name = "concluding-observations"),
        @JsonSubTypes.Type(value = FollowUpInformationSubmittedEvent.class, name = "follow-up"),
        @JsonSubTypes.Type(value = DueDateRevisedEvent.class, name = "due-date-revision")
})
public sealed interface ReportingFact permits ReportingObligationOpenedEvent, ReportSubmittedEvent,
        ListOfIssuesPriorToReportingTransmittedEvent, ReviewHeldEvent, ConcludingObservationsAdoptedEvent,
        FollowUpInformationSubmittedEvent, DueDateRevisedEvent {

    String obligationId();

    StateCode state();

    InstrumentCode instrument();

    /** The legal date the fact happened on (received, transmitted, held, adopted). */
    LegalDate legalDate();
}
