package org.treatyregistry.core.competence;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

@Revision("1")
public record CompetenceWithdrawnEvent(String recognitionId, StateCode state, TreatyBodyCode body,
                                       MechanismType mechanism, LegalDate withdrawnOn, Source source) implements CompetenceFact {
}
