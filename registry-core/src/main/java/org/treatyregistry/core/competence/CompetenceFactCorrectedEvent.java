package org.treatyregistry.core.competence;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record CompetenceFactCorrectedEvent(String recognitionId, StateCode state, TreatyBodyCode body,
                                           MechanismType mechanism, long correctsSequence, String reason,
                                           Source source, CompetenceFact replacement) {
}
