package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.StateCode;

/** A state's participation in one instrument is one event stream, identified as {@code KAZ:ICCPR}. */
public final class ParticipationId {

    private ParticipationId() {
    }

    public static String of(StateCode state, InstrumentCode instrument) {
        return state.value() + ":" + instrument.value();
    }
}
