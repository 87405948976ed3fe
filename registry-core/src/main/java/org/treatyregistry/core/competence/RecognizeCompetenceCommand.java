package org.treatyregistry.core.competence;

import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * Records that a treaty body may act on the state under a mechanism. The legal basis (protocol or declaration
 * article) comes from the catalogue, so the desk cannot record a basis that does not exist.
 *
 * @param effectiveFrom when the competence took effect (the protocol's entry into force, or the declaration's date);
 *                      {@code null} when no source gives it
 * @param declaredOn    for declarations, the date the declaration was made, if known
 */
public record RecognizeCompetenceCommand(StateCode state, TreatyBodyCode body, MechanismType mechanism,
                                         LegalDate effectiveFrom, LegalDate declaredOn, Source source)
        implements CompetenceCommand {
}
