package org.treatyregistry.core.shared;

/** Guards for command fields; each refusal names the field. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw RegistryException.invalid("MISSING_FIELD", field, field + " is required");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RegistryException.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (value.length() > 2000) {
            throw RegistryException.invalid("FIELD_TOO_LONG", field, field + " is longer than 2000 characters");
        }
        return value;
    }

    /** An optional text, bounded. */
    public static String atMost(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw RegistryException.invalid("FIELD_TOO_LONG", field, field + " is longer than " + max + " characters");
        }
        return value;
    }

    public static void notAfter(LegalDate earlier, LegalDate later, String field, String message) {
        if (earlier != null && later != null && later.latest().isBefore(earlier.earliest())) {
            throw RegistryException.invalid("DATE_OUT_OF_ORDER", field, message);
        }
    }
}
