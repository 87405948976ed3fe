package org.treatyregistry.projections.competence;

/** Filters may be null. */
public record FindCompetenceRecognitionsQuery(String state, String body, String mechanism) {
}
