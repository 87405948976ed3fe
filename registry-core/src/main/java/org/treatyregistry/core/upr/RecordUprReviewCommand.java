package org.treatyregistry.core.upr;

import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * A Universal Periodic Review of the state by the Human Rights Council's Working Group. UPR dates follow the Working
 * Group calendar, not arithmetic: they are recorded, never computed.
 *
 * @param workingGroupSession e.g. "7th (8-19 February 2010)"
 * @param nationalReport      the symbol of the state's national report (A/HRC/WG.6/7/KAZ/1)
 * @param outcomeReport       the Working Group report (A/HRC/14/10)
 */
public record RecordUprReviewCommand(StateCode state, int cycle, String workingGroupSession, LegalDate reviewedOn,
                                     String nationalReport, String outcomeReport, Source source) implements UprCommand {
}
