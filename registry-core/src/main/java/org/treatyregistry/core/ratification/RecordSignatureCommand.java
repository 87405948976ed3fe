package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

public record RecordSignatureCommand(StateCode state, InstrumentCode instrument, LegalDate signedOn, Source source)
        implements ParticipationCommand {
}
