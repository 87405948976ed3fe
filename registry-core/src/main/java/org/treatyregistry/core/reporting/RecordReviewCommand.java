package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;

/**
 * The committee's dialogue with the state. A committee may also review a state in the absence of a report; then
 * {@code reportSymbols} is empty and {@code inAbsenceOfReport} is true.
 *
 * @param session a name for the session, unique within the obligation (e.g. "30th session")
 */
public record RecordReviewCommand(StateCode state, InstrumentCode instrument, String session, LegalDate startedOn,
                                  LegalDate endedOn, List<String> reportSymbols, boolean inAbsenceOfReport,
                                  Source source) implements ReportingCommand {
}
