package org.treatyregistry.core.upr;

import org.treatyregistry.core.shared.StateCode;

public final class UprId {

    private UprId() {
    }

    public static String of(StateCode state) {
        return "upr:" + state.value();
    }
}
