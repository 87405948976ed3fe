package org.treatyregistry.core.competence;

import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.StateCode;

/** One stream per state, body and mechanism: {@code competence:KAZ:CERD:INDIVIDUAL_COMMUNICATIONS}. */
public final class RecognitionId {

    private RecognitionId() {
    }

    public static String of(StateCode state, TreatyBodyCode body, MechanismType mechanism) {
        return "competence:" + state.value() + ":" + body.value() + ":" + mechanism.name();
    }
}
