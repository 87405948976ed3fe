package org.treatyregistry.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.treatyregistry.core.shared.RegistryException;

import java.util.Set;

/** One of the ten UN human-rights treaty bodies. CCPR is the Human Rights Committee. */
public record TreatyBodyCode(String value) {

    public static final Set<String> CODES = Set.of("CERD", "CESCR", "CCPR", "CEDAW", "CAT", "SPT", "CRC", "CMW", "CRPD", "CED");

    public TreatyBodyCode {
        if (value == null || !CODES.contains(value)) {
            throw RegistryException.invalid("UNKNOWN_TREATY_BODY", "body",
                    "'" + value + "' is not a treaty body; use one of " + String.join(", ", CODES.stream().sorted().toList()));
        }
    }

    @JsonCreator
    public static TreatyBodyCode of(String value) {
        return new TreatyBodyCode(value == null ? null : value.strip().toUpperCase());
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
