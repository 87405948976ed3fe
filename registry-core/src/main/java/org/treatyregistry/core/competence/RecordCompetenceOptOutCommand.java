package org.treatyregistry.core.competence;

import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** The state declared, at ratification, that it does not recognise an inquiry competence (e.g. CAT art. 28). */
public record RecordCompetenceOptOutCommand(StateCode state, TreatyBodyCode body, MechanismType mechanism,
                                            LegalDate declaredOn, Source source) implements CompetenceCommand {
}
