package org.treatyregistry.projections.competence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters may be null.
 *
 * @param validAt    the recognitions in force on this day
 * @param recordedAt what the registry had recorded by this instant
 */
public record FindCompetenceRecognitionsQuery(String state, String body, String mechanism, LocalDate validAt, Instant recordedAt) {

    public FindCompetenceRecognitionsQuery(String state, String body, String mechanism) {
        this(state, body, mechanism, null, null);
    }

    public boolean asOf() {
        return validAt != null || recordedAt != null;
    }
}
