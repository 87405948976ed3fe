package org.treatyregistry.projections.ratification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * States × instruments; each filter may be null (no filter).
 *
 * @param validAt    the standing in law on this day: facts with a later legal date are left out
 * @param recordedAt what the registry had recorded by this instant: facts and corrections recorded later are left out
 */
public record FindRatificationStatusQuery(String state, String instrument, String body, LocalDate validAt, Instant recordedAt) {

    public FindRatificationStatusQuery(String state, String instrument, String body) {
        this(state, instrument, body, null, null);
    }

    public boolean asOf() {
        return validAt != null || recordedAt != null;
    }
}
