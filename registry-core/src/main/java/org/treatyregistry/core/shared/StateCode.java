package org.treatyregistry.core.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Set;

/** A state party, by its ISO 3166-1 alpha-3 code (the code the UN uses in document symbols: CCPR/C/KAZ/1). */
public record StateCode(String value) {

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public StateCode {
        if (value == null || !ISO_ALPHA3.contains(value)) {
            throw unknown(value);
        }
    }

    /** Accepts "kaz" or " KAZ " as KAZ; the record itself holds only the canonical form. */
    @JsonCreator
    public static StateCode of(String value) {
        String canonical = value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
        if (canonical == null || !ISO_ALPHA3.contains(canonical)) {
            throw unknown(value);
        }
        return new StateCode(canonical);
    }

    private static RegistryException unknown(String value) {
        return RegistryException.invalid("UNKNOWN_STATE", "state",
                "'" + value + "' is not an ISO 3166-1 alpha-3 state code (for example KAZ)");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
