package org.treatyregistry.projections.facts;

/**
 * The event store's table, when projected facts may leave their JSON to it: the store is in the read models' database,
 * and a stored payload is read back as the fact it was written from (no upcaster, one JSON mapper). The application
 * declares it when that holds; see {@link FactRepository}.
 *
 * @param eventTable the event table, with its {@code aggregate_identifier}, {@code sequence_number} and {@code payload}
 */
public record EventPayloads(String eventTable) {

    public EventPayloads {
        if (eventTable == null || !eventTable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + eventTable);
        }
    }
}
