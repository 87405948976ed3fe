package org.treatyregistry.api.admin;

import org.treatyregistry.projections.facts.ReadModelTable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows of a read-model table in PostgreSQL's binary COPY format. The text format costs both sides: the writer escapes
 * every value and the server parses every field back through its input functions (timestamps above all), which took a
 * good part of the rebuild's two cores (docs/performance.md). In binary a number or a timestamp is its bytes and a
 * string its UTF-8.
 * <p>
 * Each value is written as the text COPY of {@link BulkRebuild#appendCopyValue} would have had the server store it, and
 * so as the live projection stores it through JDBC: an instant in a TIMESTAMP column as the JVM's local date-time,
 * rounded to the microsecond the way the server rounds a fraction it parses. A table with a column type not handled here
 * is written in text ({@link #of} gives nothing).
 */
final class BinaryCopy {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    // PostgreSQL's epoch for timestamps and dates
    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    private static final long EPOCH_2000_DAYS = 10_957L;

    private enum Kind { INT8, INT4, INT2, TEXT, TIMESTAMP, DATE, BOOL }

    private final ReadModelTable table;
    private final Kind[] kinds;
    private final ZoneId zone = ZoneId.systemDefault();
    private byte[] buffer = new byte[1 << 16];
    private int length;

    private BinaryCopy(ReadModelTable table, Kind[] kinds) {
        this.table = table;
        this.kinds = kinds;
    }

    /** The table's binary writer, or nothing when one of its columns has a type this class does not write. */
    static Optional<BinaryCopy> of(Connection c, ReadModelTable table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            q.setString(1, table.name());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<String> columns = table.columns();
        Kind[] kinds = new Kind[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            String type = types.get(columns.get(i));
            Kind kind = type == null ? null : switch (type) {
                case "bigint" -> Kind.INT8;
                case "integer" -> Kind.INT4;
                case "smallint" -> Kind.INT2;
                case "text", "character varying" -> Kind.TEXT;
                case "timestamp without time zone" -> Kind.TIMESTAMP;
                case "date" -> Kind.DATE;
                case "boolean" -> Kind.BOOL;
                default -> null;
            };
            if (kind == null) {
                return Optional.empty();
            }
            kinds[i] = kind;
        }
        return Optional.of(new BinaryCopy(table, kinds));
    }

    String copySql() {
        return "COPY " + table.name() + " (" + String.join(", ", table.columns()) + ") FROM STDIN (FORMAT binary)";
    }

    /** The rows as one COPY's data (header, tuples, trailer), valid until the next call. */
    byte[] encode(List<Object[]> rows) {
        length = 0;
        put(HEADER, HEADER.length);
        for (Object[] row : rows) {
            if (row.length != kinds.length) {
                throw new IllegalArgumentException(table.name() + " has " + kinds.length + " columns, a row " + row.length);
            }
            putShort(kinds.length);
            for (int i = 0; i < kinds.length; i++) {
                putValue(i, row[i]);
            }
        }
        putShort(-1);
        return buffer;
    }

    int length() {
        return length;
    }

    private void putValue(int column, Object value) {
        if (value == null) {
            putInt(-1);
            return;
        }
        switch (kinds[column]) {
            case INT8 -> {
                putInt(8);
                putLong(number(column, value));
            }
            case INT4 -> {
                putInt(4);
                putInt(Math.toIntExact(number(column, value)));
            }
            case INT2 -> {
                putInt(2);
                long n = number(column, value);
                if (n != (short) n) {
                    throw new ArithmeticException(table.columns().get(column) + " out of range: " + n);
                }
                putShort((int) n);
            }
            case TEXT -> {
                byte[] text = text(value).getBytes(StandardCharsets.UTF_8);
                putInt(text.length);
                put(text, text.length);
            }
            case TIMESTAMP -> {
                putInt(8);
                putLong(micros(localDateTime(column, value)));
            }
            case DATE -> {
                LocalDate date = value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
                putInt(4);
                putInt(Math.toIntExact(date.toEpochDay() - EPOCH_2000_DAYS));
            }
            case BOOL -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException(table.columns().get(column) + " is boolean, the value a " + value.getClass().getSimpleName());
                }
                putInt(1);
                ensure(1);
                buffer[length++] = (byte) (b ? 1 : 0);
            }
        }
    }

    private long number(int column, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(table.columns().get(column) + " is an integer, the value a " + value.getClass().getSimpleName());
    }

    /** What the text COPY wrote for a value in a text column (unescaped). */
    private String text(Object value) {
        if (value instanceof Instant || value instanceof Boolean) {
            StringBuilder out = new StringBuilder();
            BulkRebuild.appendCopyValue(out, value);
            return out.toString();
        }
        return value.toString();
    }

    private LocalDateTime localDateTime(int column, Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (!(value instanceof Instant instant)) {
            throw new IllegalArgumentException(table.columns().get(column) + " is a timestamp, the value a " + value.getClass().getSimpleName());
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        // as in the text form: Timestamp's fields (Julian calendar before 1582), which the server reads as Gregorian
        return local.getYear() < 1583 || local.getYear() > 9999 ? Timestamp.from(instant).toLocalDateTime() : local;
    }

    /**
     * Microseconds since 2000-01-01 00:00 of a local date-time, its fraction rounded as the server rounds a parsed one
     * ({@code rint(strtod(fraction) * 1e6)}: to the nearest, halves to even, in double precision).
     */
    static long micros(LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC) - EPOCH_2000_SECONDS;
        int nanos = t.getNano();
        long fraction;
        if (nanos % 1_000 == 0) {
            fraction = nanos / 1_000;
        } else {
            char[] digits = new char[11];
            digits[0] = '0';
            digits[1] = '.';
            for (int i = 10, n = nanos; i >= 2; i--, n /= 10) {
                digits[i] = (char) ('0' + n % 10);
            }
            fraction = (long) Math.rint(Double.parseDouble(new String(digits)) * 1_000_000);
        }
        return seconds * 1_000_000 + fraction;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void put(byte[] bytes, int count) {
        ensure(count);
        System.arraycopy(bytes, 0, buffer, length, count);
        length += count;
    }

    private void putShort(int v) {
        ensure(2);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
