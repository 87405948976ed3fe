package org.treatyregistry.core.shared;

/**
 * Where a recorded fact comes from: a UN document symbol and/or a locator (URL), with an optional note.
 * Every fact the desk records should be traceable to a document.
 */
public record Source(String symbol, String locator, String note) {

    public Source {
        limit(symbol, 200, "source.symbol");
        limit(locator, 2000, "source.locator");
        limit(note, 4000, "source.note");
    }

    private static void limit(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw RegistryException.invalid("FIELD_TOO_LONG", field, field + " is longer than " + max + " characters");
        }
    }

    public static Source document(String symbol) {
        return new Source(symbol, null, null);
    }

    public static Source none() {
        return new Source(null, null, null);
    }
}
