package org.treatyregistry.projections.facts;

import java.util.List;

/**
 * A read-model table as the projections write it: the rows of one stream are found by {@code keyColumn}, and a row is
 * its {@code columns} in order. Naming the shape once lets the live projection (statement by statement) and the bulk
 * rebuild (streamed in chunks) write exactly the same rows.
 */
public record ReadModelTable(String name, String keyColumn, List<String> columns) {

    public ReadModelTable {
        columns = List.copyOf(columns);
        if (!columns.contains(keyColumn)) {
            throw new IllegalArgumentException(keyColumn + " is not a column of " + name);
        }
    }

    public static ReadModelTable of(String name, String keyColumn, String... columns) {
        return new ReadModelTable(name, keyColumn, List.of(columns));
    }

    public String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
    }

    public String deleteByKeySql() {
        return "DELETE FROM " + name + " WHERE " + keyColumn + " = ?";
    }
}
