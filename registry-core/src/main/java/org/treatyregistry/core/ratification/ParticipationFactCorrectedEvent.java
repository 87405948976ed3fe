package org.treatyregistry.core.ratification;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** A participation fact was corrected: {@code replacement} is what the event at {@code correctsSequence} should have said. */
@Revision("1")
public record ParticipationFactCorrectedEvent(String participationId, StateCode state, InstrumentCode instrument,
                                              long correctsSequence, String reason, Source source,
                                              ParticipationFact replacement) {
}
