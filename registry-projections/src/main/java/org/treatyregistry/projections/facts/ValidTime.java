package org.treatyregistry.projections.facts;

import org.treatyregistry.projections.history.FactDescription;

import java.time.LocalDate;
import java.util.List;

/** Keeps the facts that had happened by a day: a fact whose legal date begins after it is left out. */
public final class ValidTime {

    private ValidTime() {
    }

    /** Facts with no known legal date are kept: the registry cannot place them, and leaving them out would hide them. */
    public static <T> List<T> upTo(List<T> facts, LocalDate validAt) {
        if (validAt == null) {
            return facts;
        }
        return facts.stream().filter(f -> {
            var date = FactDescription.of(f).legalDate();
            return date == null || !date.earliest().isAfter(validAt);
        }).toList();
    }
}
