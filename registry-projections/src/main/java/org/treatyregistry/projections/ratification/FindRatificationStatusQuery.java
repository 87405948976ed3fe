package org.treatyregistry.projections.ratification;

/** States × instruments; each filter may be null (no filter). */
public record FindRatificationStatusQuery(String state, String instrument, String body) {
}
