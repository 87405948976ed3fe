package org.treatyregistry.core.catalogue;

import java.time.LocalDate;

/**
 * An instrument as the registry knows it.
 *
 * @param openedForSignature   a deposit cannot precede this date
 * @param generalEntryIntoForce the instrument's own entry into force; a state that deposited before it is bound from
 *                              this date (the state's entry into force is the later of the two)
 * @param entryIntoForceArticle the article that gives the state's entry into force
 */
public record InstrumentDefinition(InstrumentCode code, String title, TreatyBodyCode body,
                                   LocalDate openedForSignature, LocalDate generalEntryIntoForce,
                                   EntryIntoForceRule entryIntoForceRule, String entryIntoForceArticle,
                                   ReportingRule reporting) {

    /** Entry into force for a state that deposited on {@code deposit}: the rule, but never before the treaty itself. */
    public LocalDate entryIntoForceFor(LocalDate deposit) {
        LocalDate byRule = entryIntoForceRule.apply(deposit);
        return byRule.isBefore(generalEntryIntoForce) ? generalEntryIntoForce : byRule;
    }

    public String entryIntoForceCitation() {
        return code.value() + " " + entryIntoForceArticle;
    }
}
