package org.treatyregistry.projections.facts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A read-model table as the projections write it: the rows of one stream are found by {@code keyColumn}, and a row is
 * its {@code columns} in order. Naming the shape once lets the live projection (statement by statement) and the bulk
 * rebuild (streamed in chunks) write exactly the same rows.
 * <p>
 * A table with many rows per stream, most of which one more fact leaves as they were, may name a {@code rowColumn}
 * (a stream's rows differ in it) and a {@code hashColumn} (a digest of the row's other values, see {@link #hash}): the
 * live projection then rewrites only the rows whose digest changed, instead of all of them.
 */
public record ReadModelTable(String name, String keyColumn, List<String> columns, String rowColumn, String hashColumn) {

    public ReadModelTable {
        columns = List.copyOf(columns);
        if (!columns.contains(keyColumn)) {
            throw new IllegalArgumentException(keyColumn + " is not a column of " + name);
        }
        if ((rowColumn == null) != (hashColumn == null)
                || rowColumn != null && (!columns.contains(rowColumn) || !columns.contains(hashColumn))) {
            throw new IllegalArgumentException("a row column and a hash column of " + name + " go together");
        }
    }

    public static ReadModelTable of(String name, String keyColumn, String... columns) {
        return new ReadModelTable(name, keyColumn, List.of(columns), null, null);
    }

    /** This table, its rows rewritten only when changed: see {@link #hash}. */
    public ReadModelTable rewrittenWhenChanged(String rowColumn, String hashColumn) {
        return new ReadModelTable(name, keyColumn, columns, rowColumn, hashColumn);
    }

    public boolean rewrittenWhenChanged() {
        return rowColumn != null;
    }

    public String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
    }

    /**
     * Inserts a row unless the table holds one with the same primary key, so that a replayed event leaves its row as it
     * was. A plain {@code VALUES} row, so that the driver sends a JDBC batch of them as multi-row inserts. (Without a
     * conflict target, as H2 accepts it: the tables it is used on have no other unique constraint.)
     */
    public String insertIfAbsentSql() {
        return insertSql() + " ON CONFLICT DO NOTHING";
    }

    public String deleteByKeySql() {
        return "DELETE FROM " + name + " WHERE " + keyColumn + " = ?";
    }

    /** Deletes the rows of several streams: its one parameter is an array of their keys. */
    public String deleteByKeysSql() {
        return "DELETE FROM " + name + " WHERE " + keyColumn + " = ANY(?)";
    }

    /** The key, the row column and the digest of every row of several streams (an array of their keys). */
    public String hashesByKeysSql() {
        return "SELECT " + keyColumn + ", " + rowColumn + ", " + hashColumn + " FROM " + name + " WHERE " + keyColumn + " = ANY(?)";
    }

    /** Deletes one row of a stream (key, row). */
    public String deleteRowSql() {
        return "DELETE FROM " + name + " WHERE " + keyColumn + " = ? AND " + rowColumn + " = ?";
    }

    /**
     * The digest a row's {@code hashColumn} holds: SHA-256 of its other values, each as its text with its length (or as
     * null), so that two rows have the same digest exactly when their values read the same.
     */
    public static String hash(Object... values) {
        StringBuilder text = new StringBuilder(values.length * 24);
        for (Object value : values) {
            if (value == null) {
                text.append('-');
            } else {
                String s = value.toString();
                text.append(value.getClass().getSimpleName()).append(':').append(s.length()).append(':').append(s);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
