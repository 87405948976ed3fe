package org.treatyregistry.core.upr;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record UprMidTermReportSubmittedEvent(String uprId, StateCode state, int cycle, LegalDate submittedOn,
                                             String symbol, Source source) implements UprFact {
}
