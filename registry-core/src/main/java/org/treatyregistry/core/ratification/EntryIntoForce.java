package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.shared.DatePrecision;
import org.treatyregistry.core.shared.LegalDate;

import java.time.LocalDate;

/**
 * Entry into force of an instrument for one state: stated by a source, or computed from the deposit by the
 * instrument's rule (never before the instrument's own general entry into force).
 * A deposit known only to the month or year gives the coarsest period that holds every possible result, or no date
 * at all when the possible results straddle a year: the registry does not guess.
 */
public record EntryIntoForce(LegalDate date, String basis) {

    public static EntryIntoForce of(InstrumentDefinition instrument, LegalDate deposit, LegalDate stated, String statedBy) {
        if (stated != null) {
            return new EntryIntoForce(stated, "stated by " + (statedBy == null ? "the recorded source" : statedBy));
        }
        if (deposit == null) {
            return new EntryIntoForce(null, "unknown: no deposit date recorded");
        }
        String rule = instrument.entryIntoForceCitation() + ": " + instrument.entryIntoForceRule().wording();
        LocalDate first = instrument.entryIntoForceFor(deposit.earliest());
        LocalDate last = instrument.entryIntoForceFor(deposit.latest());
        if (first.equals(last)) {
            String basis = first.equals(instrument.generalEntryIntoForce()) && deposit.latest().isBefore(first)
                    && !instrument.entryIntoForceRule().apply(deposit.latest()).equals(first)
                    ? instrument.code() + " general entry into force (deposit before the instrument entered into force)"
                    : rule;
            return new EntryIntoForce(LegalDate.ofDay(first), basis);
        }
        if (first.getYear() == last.getYear() && first.getMonth() == last.getMonth()) {
            return new EntryIntoForce(new LegalDate(first, DatePrecision.MONTH), rule + " (deposit known to the " + deposit.precision().name().toLowerCase() + ")");
        }
        if (first.getYear() == last.getYear()) {
            return new EntryIntoForce(new LegalDate(first, DatePrecision.YEAR), rule + " (deposit known to the " + deposit.precision().name().toLowerCase() + ")");
        }
        return new EntryIntoForce(null, "undetermined: deposit known only to the " + deposit.precision().name().toLowerCase()
                + " and the rule gives dates in two years; record the entry into force stated by a source");
    }
}
