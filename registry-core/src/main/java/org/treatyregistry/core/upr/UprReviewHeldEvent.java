package org.treatyregistry.core.upr;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record UprReviewHeldEvent(String uprId, StateCode state, int cycle, String workingGroupSession,
                                 LegalDate reviewedOn, String nationalReport, String outcomeReport,
                                 Source source) implements UprFact {
}
