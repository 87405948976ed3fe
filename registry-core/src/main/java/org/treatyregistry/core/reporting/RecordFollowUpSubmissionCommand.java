package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param concludingObservations the symbol of the observations whose follow-up request this answers */
public record RecordFollowUpSubmissionCommand(StateCode state, InstrumentCode instrument, String symbol,
                                              LegalDate receivedOn, String concludingObservations,
                                              Source source) implements ReportingCommand {
}
