package org.treatyregistry.core.reporting;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** {@code replacement} is what the event at {@code correctsSequence} should have said; both stay in the store. */
@Revision("1")
public record ReportingFactCorrectedEvent(String obligationId, StateCode state, InstrumentCode instrument,
                                          long correctsSequence, String reason, Source source,
                                          ReportingFact replacement) {
}
