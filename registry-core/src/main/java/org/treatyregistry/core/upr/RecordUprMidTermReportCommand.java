package org.treatyregistry.core.upr;

import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** A voluntary mid-term report on the recommendations of a cycle. */
public record RecordUprMidTermReportCommand(StateCode state, int cycle, LegalDate submittedOn, String symbol,
                                            Source source) implements UprCommand {
}
