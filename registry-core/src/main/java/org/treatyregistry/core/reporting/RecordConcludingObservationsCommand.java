package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;

/**
 * @param reviewSession the review these observations conclude; it must have been recorded
 * @param nextReport    the next report's ordinals and due date as the committee set them; overrides the treaty default
 * @param followUp      recommendations on which information is asked for, each with its own due date
 */
public record RecordConcludingObservationsCommand(StateCode state, InstrumentCode instrument, String symbol,
                                                  LegalDate adoptedOn, String reviewSession,
                                                  NextReportRequest nextReport, List<FollowUpRequest> followUp,
                                                  Source source) implements ReportingCommand {
}
