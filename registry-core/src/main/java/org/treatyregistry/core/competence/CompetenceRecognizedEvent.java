package org.treatyregistry.core.competence;

import org.axonframework.serialization.Revision;
import org.treatyregistry.core.catalogue.AcceptanceMode;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param instrument and {@code article}: the legal basis, taken from the catalogue */
@Revision("1")
public record CompetenceRecognizedEvent(String recognitionId, StateCode state, TreatyBodyCode body,
                                        MechanismType mechanism, InstrumentCode instrument, String article,
                                        AcceptanceMode mode, LegalDate effectiveFrom, LegalDate declaredOn,
                                        Source source) implements CompetenceFact {
}
