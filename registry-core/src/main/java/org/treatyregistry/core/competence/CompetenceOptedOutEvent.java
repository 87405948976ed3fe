package org.treatyregistry.core.competence;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param optOutArticle the article that allows the opt-out (e.g. CAT art. 28) */
@Revision("1")
public record CompetenceOptedOutEvent(String recognitionId, StateCode state, TreatyBodyCode body,
                                      MechanismType mechanism, String optOutArticle, LegalDate declaredOn,
                                      Source source) implements CompetenceFact {
}
