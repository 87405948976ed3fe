package org.treatyregistry.core.ratification;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record InstrumentSignedEvent(String participationId, StateCode state, InstrumentCode instrument,
                                    LegalDate signedOn, Source source) implements ParticipationFact {
}
