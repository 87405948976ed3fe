package org.treatyregistry.core.competence;

import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** The state withdrew its declaration (or denounced the protocol); communications from that date are not received. */
public record WithdrawCompetenceCommand(StateCode state, TreatyBodyCode body, MechanismType mechanism,
                                        LegalDate withdrawnOn, Source source) implements CompetenceCommand {
}
