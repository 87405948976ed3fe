package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

public record WithdrawReservationCommand(StateCode state, InstrumentCode instrument, String reference,
                                         LegalDate withdrawnOn, Source source)
        implements ParticipationCommand {
}
