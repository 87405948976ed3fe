package org.treatyregistry.core.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.treatyregistry.core.shared.RegistryException;

import java.util.Map;
import java.util.Set;

/**
 * One of the 18 UN core human-rights instruments. Common alternative spellings (CED, CEDAW-OP, CRC-OPAC, ...)
 * are accepted and mapped to the canonical code, so that every fact about one instrument lands in one stream.
 */
public record InstrumentCode(String value) {

    public static final Set<String> CANONICAL = Set.of(
            "ICERD", "ICESCR", "OP-ICESCR", "ICCPR", "ICCPR-OP1", "ICCPR-OP2", "CEDAW", "OP-CEDAW", "CAT", "OP-CAT",
            "CRC", "OPAC", "OPSC", "OPIC", "ICMW", "CRPD", "OP-CRPD", "CPED");

    private static final Map<String, String> ALIASES = Map.of(
            "ICESCR-OP", "OP-ICESCR",
            "CEDAW-OP", "OP-CEDAW",
            "CRC-OPAC", "OPAC",
            "CRC-OPSC", "OPSC",
            "CRC-OPIC", "OPIC",
            "CRPD-OP", "OP-CRPD",
            "CED", "CPED",
            "ICRMW", "ICMW");

    public InstrumentCode {
        if (value == null || !CANONICAL.contains(value)) {
            throw RegistryException.invalid("UNKNOWN_INSTRUMENT", "instrument",
                    "'" + value + "' is not a known instrument; use one of " + String.join(", ", CANONICAL.stream().sorted().toList()));
        }
    }

    @JsonCreator
    public static InstrumentCode of(String value) {
        String v = value == null ? null : value.strip().toUpperCase();
        return new InstrumentCode(v == null ? null : ALIASES.getOrDefault(v, v));
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
