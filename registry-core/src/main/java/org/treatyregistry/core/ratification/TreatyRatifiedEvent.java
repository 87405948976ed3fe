package org.treatyregistry.core.ratification;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * The state deposited its instrument of ratification, accession or succession.
 *
 * @param entryIntoForce      for the state; {@code null} when neither the deposit nor a source fixes it
 * @param entryIntoForceBasis the rule and article it was computed by, or the source that states it
 */
@Revision("1")
public record TreatyRatifiedEvent(String participationId, StateCode state, InstrumentCode instrument,
                                  ConsentAction action, LegalDate depositedOn, LegalDate entryIntoForce,
                                  String entryIntoForceBasis, Source source) implements ParticipationFact {
}
