package org.treatyregistry.projections.facts;

/** The version of a record (the sequence number of its last event), as the read models have it. */
public record FindStreamVersionQuery(String streamId) {
}
