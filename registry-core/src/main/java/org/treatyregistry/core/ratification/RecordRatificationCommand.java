package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * Records the deposit of an instrument of ratification, accession or succession.
 *
 * @param depositedOn          the UN deposit date (not the date of the domestic law); may be known only to the month
 *                             or year, or not at all ({@code null}) when no source gives it
 * @param statedEntryIntoForce an entry-into-force date stated by a source; when absent the registry computes it from
 *                             the deposit by the instrument's rule
 */
public record RecordRatificationCommand(StateCode state, InstrumentCode instrument, ConsentAction action,
                                        LegalDate depositedOn, LegalDate statedEntryIntoForce, Source source)
        implements ParticipationCommand {
}
