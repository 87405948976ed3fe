package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * The committee moved a due date (an extension, a rescheduled cycle).
 *
 * @param itemId         the schedule item, as the calendar shows it ("report:5", "follow-up:CAT/C/KAZ/CO/4")
 * @param decisionSymbol the document or letter that records the decision, if any
 */
public record ReviseDueDateCommand(StateCode state, InstrumentCode instrument, String itemId, LegalDate newDue,
                                   String reason, String decisionSymbol, Source source) implements ReportingCommand {
}
