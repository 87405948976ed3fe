package org.treatyregistry.core.upr;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record UprFactCorrectedEvent(String uprId, StateCode state, long correctsSequence, String reason,
                                    Source source, UprFact replacement) {
}
