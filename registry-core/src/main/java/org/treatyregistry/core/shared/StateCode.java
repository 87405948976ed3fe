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
            throw RegistryException.invalid("UNKNOWN_STATE", "state",
                    "'" + value + "' is not an ISO 3166-1 alpha-3 state code (for example KAZ)");
        }
    }

    @JsonCreator
    public static StateCode of(String value) {
        return new StateCode(value);
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
