package org.treatyregistry.core.shared;

/**
 * Where a recorded fact comes from: a UN document symbol and/or a locator (URL), with an optional note.
 * Every fact the desk records should be traceable to a document.
 */
public record Source(String symbol, String locator, String note) {

    public static Source document(String symbol) {
        return new Source(symbol, null, null);
    }

    public static Source none() {
        return new Source(null, null, null);
    }
}
