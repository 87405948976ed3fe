package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * @param reference a short name the desk gives the reservation (e.g. "art. 22 declaration"), used to withdraw it
 * @param article   the article it concerns, if any
 */
public record RecordReservationCommand(StateCode state, InstrumentCode instrument, String reference, ReservationKind kind,
                                       String article, String text, LegalDate madeOn, Source source)
        implements ParticipationCommand {
}
