package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.StateCode;

/**
 * A state's participation in one instrument is one event stream, {@code participation:KAZ:ICCPR}. Every stream id
 * starts with its type: Axon's event store needs aggregate identifiers unique across aggregate types.
 */
public final class ParticipationId {

    private ParticipationId() {
    }

    public static String of(StateCode state, InstrumentCode instrument) {
        return "participation:" + state.value() + ":" + instrument.value();
    }
}
