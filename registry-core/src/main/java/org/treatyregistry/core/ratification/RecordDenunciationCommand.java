package org.treatyregistry.core.ratification;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** @param effectiveOn when the denunciation takes effect (usually a year after notification; the text of each treaty governs) */
public record RecordDenunciationCommand(StateCode state, InstrumentCode instrument, LegalDate notifiedOn,
                                        LegalDate effectiveOn, Source source)
        implements ParticipationCommand {
}
