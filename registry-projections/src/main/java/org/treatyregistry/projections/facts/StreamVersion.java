package org.treatyregistry.projections.facts;

/** @param version the sequence number of the stream's last event; {@code null} when nothing is recorded */
public record StreamVersion(String streamId, Long version) {
}
