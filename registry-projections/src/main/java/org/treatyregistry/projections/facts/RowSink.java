package org.treatyregistry.projections.facts;

/**
 * Where a read model puts the rows it computes. Values are in the table's column order; instants are
 * {@link java.time.Instant}s (the sink converts them for its database).
 */
@FunctionalInterface
public interface RowSink {

    void row(ReadModelTable table, Object... values);
}
