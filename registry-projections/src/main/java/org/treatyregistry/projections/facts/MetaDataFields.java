package org.treatyregistry.projections.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * recordedBy and importBatch from an event's stored metadata (a JSON object), as the rebuild and the history read them for
 * every event.
 * <p>
 * The metadata the registry writes is a flat object of ASCII strings; {@link #scan} reads that shape straight from the
 * bytes, validating it as JSON as it goes (a Jackson parser per event was 7% of the rebuild's reading thread). Anything
 * else (a non-ASCII byte, a nested value, anything that is not valid JSON) goes to Jackson's streaming parser, which
 * decides as before: the result is Jackson's in every case (MetaDataFieldsTest compares them).
 */
public final class MetaDataFields {

    private static final byte[] RECORDED_BY = {'r', 'e', 'c', 'o', 'r', 'd', 'e', 'd', 'B', 'y'};
    private static final byte[] IMPORT_BATCH = {'i', 'm', 'p', 'o', 'r', 't', 'B', 'a', 't', 'c', 'h'};

    private MetaDataFields() {
    }

    /** {recordedBy, importBatch}, each null when absent, null or not a scalar. */
    public static String[] read(byte[] stored, JsonFactory json) throws IOException {
        if (stored == null) {
            return new String[2];
        }
        String[] values = scan(stored);
        return values != null ? values : withJackson(stored, json);
    }

    public static String[] withJackson(byte[] stored, JsonFactory json) throws IOException {
        String[] values = new String[2];
        try (JsonParser parser = json.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                int slot = "recordedBy".equals(field) ? 0 : "importBatch".equals(field) ? 1 : -1;
                if (slot >= 0 && value != JsonToken.VALUE_NULL && value.isScalarValue()) {
                    values[slot] = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return values;
    }

    /** The fields of a flat, valid, all-ASCII JSON object; null for anything else. */
    public static String[] scan(byte[] b) {
        String[] values = new String[2];
        int[] at = {whitespace(b, 0)};
        if (at[0] >= b.length || b[at[0]] != '{') {
            return null;
        }
        at[0] = whitespace(b, at[0] + 1);
        if (at[0] < b.length && b[at[0]] == '}') {
            return values;
        }
        while (true) {
            if (at[0] >= b.length || b[at[0]] != '"') {
                return null;
            }
            int keyStart = at[0] + 1;
            String key = string(b, at);
            if (key == null) {
                return null;
            }
            int keyEnd = at[0] - 1;
            at[0] = whitespace(b, at[0]);
            if (at[0] >= b.length || b[at[0]] != ':') {
                return null;
            }
            at[0] = whitespace(b, at[0] + 1);
            if (at[0] >= b.length) {
                return null;
            }
            byte first = b[at[0]];
            String value;
            if (first == '"') {
                value = string(b, at);
            } else if (first == 't') {
                value = literal(b, at, "true");
            } else if (first == 'f') {
                value = literal(b, at, "false");
            } else if (first == 'n') {
                // null leaves the field as it was (as in the Jackson loop)
                value = literal(b, at, "null");
            } else if (first == '-' || first >= '0' && first <= '9') {
                value = number(b, at);
            } else {
                // a nested object or array, or not JSON: Jackson decides
                return null;
            }
            if (value == null) {
                return null;
            }
            if (first != 'n') {
                int slot = slot(b, keyStart, keyEnd);
                if (slot >= 0) {
                    values[slot] = value;
                }
            }
            if (!next(b, at)) {
                return null;
            }
            if (at[0] < 0) {
                return values;
            }
        }
    }

    /** After a value: a comma and the next key's quote (true, at[0] on it), or the closing brace (true, at[0] = -1). */
    private static boolean next(byte[] b, int[] at) {
        int i = whitespace(b, at[0]);
        if (i >= b.length) {
            return false;
        }
        if (b[i] == '}') {
            at[0] = -1;
            return true;
        }
        if (b[i] != ',') {
            return false;
        }
        at[0] = whitespace(b, i + 1);
        return true;
    }

    /** Which field a key's raw bytes (between its quotes) name: 0, 1, or -1; a key with escapes is compared as read. */
    private static int slot(byte[] b, int start, int end) {
        if (equals(b, start, end, RECORDED_BY)) {
            return 0;
        }
        if (equals(b, start, end, IMPORT_BATCH)) {
            return 1;
        }
        for (int i = start; i < end; i++) {
            if (b[i] == '\\') {
                int[] at = {start - 1};
                String key = string(b, at);
                return "recordedBy".equals(key) ? 0 : "importBatch".equals(key) ? 1 : -1;
            }
        }
        return -1;
    }

    private static boolean equals(byte[] b, int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static int whitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** The string whose opening quote is at at[0]; at[0] then just past its closing quote. Null if not valid ASCII JSON. */
    private static String string(byte[] b, int[] at) {
        int i = at[0] + 1;
        int start = i;
        StringBuilder escaped = null;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                at[0] = i + 1;
                if (escaped == null) {
                    return new String(b, 0, start, i - start);
                }
                return escaped.append(new String(b, 0, start, i - start)).toString();
            }
            if (c < 0x20) {
                // a control character (or, as a negative byte, a non-ASCII one)
                return null;
            }
            if (c == '\\') {
                if (escaped == null) {
                    escaped = new StringBuilder();
                }
                escaped.append(new String(b, 0, start, i - start));
                if (i + 1 >= b.length) {
                    return null;
                }
                byte e = b[i + 1];
                switch (e) {
                    case '"', '\\', '/' -> escaped.append((char) e);
                    case 'b' -> escaped.append('\b');
                    case 'f' -> escaped.append('\f');
                    case 'n' -> escaped.append('\n');
                    case 'r' -> escaped.append('\r');
                    case 't' -> escaped.append('\t');
                    case 'u' -> {
                        if (i + 5 >= b.length) {
                            return null;
                        }
                        int code = 0;
                        for (int k = i + 2; k < i + 6; k++) {
                            int digit = Character.digit(b[k], 16);
                            if (digit < 0 || b[k] < 0) {
                                return null;
                            }
                            code = code * 16 + digit;
                        }
                        escaped.append((char) code);
                        i += 4;
                    }
                    default -> {
                        return null;
                    }
                }
                i += 2;
                start = i;
                continue;
            }
            i++;
        }
        return null;
    }

    private static String literal(byte[] b, int[] at, String word) {
        int i = at[0];
        if (i + word.length() > b.length) {
            return null;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return null;
            }
        }
        // what may follow ("truex" is not a literal) is checked by next(): whitespace, a comma or the closing brace
        at[0] = i + word.length();
        return word;
    }

    /** A JSON number, strictly (no leading zeros, digits after a point and in an exponent), as written. */
    private static String number(byte[] b, int[] at) {
        int i = at[0];
        int start = i;
        if (i < b.length && b[i] == '-') {
            i++;
        }
        if (i >= b.length) {
            return null;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            return null;
        }
        if (i < b.length && b[i] == '.') {
            int digits = ++i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return null;
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return null;
            }
        }
        // what may follow is checked by next()
        at[0] = i;
        return new String(b, 0, start, i - start);
    }
}
