package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.StateCode;

/** A state's reporting obligation under one instrument is one stream: {@code obligation:KAZ:CRPD}. */
public final class ObligationId {

    private ObligationId() {
    }

    public static String of(StateCode state, InstrumentCode instrument) {
        return "obligation:" + state.value() + ":" + instrument.value();
    }
}
