package org.treatyregistry.projections.upr;

/** @param state null for every state */
public record FindUprCyclesQuery(String state) {
}
