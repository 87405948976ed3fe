package org.treatyregistry.core.ratification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the effective facts of a participation add up to. Derived, never stored. */
public record ParticipationState(InstrumentSignedEvent signature, TreatyRatifiedEvent ratification,
                                 Map<String, ReservationEnteredEvent> activeReservations,
                                 TreatyDenouncedEvent denunciation) {

    public static ParticipationState of(List<ParticipationFact> facts) {
        InstrumentSignedEvent signature = null;
        TreatyRatifiedEvent ratification = null;
        TreatyDenouncedEvent denunciation = null;
        Map<String, ReservationEnteredEvent> reservations = new LinkedHashMap<>();
        for (ParticipationFact fact : facts) {
            if (fact instanceof InstrumentSignedEvent e) {
                signature = e;
            } else if (fact instanceof TreatyRatifiedEvent e) {
                ratification = e;
            } else if (fact instanceof ReservationEnteredEvent e) {
                reservations.put(e.reference(), e);
            } else if (fact instanceof ReservationWithdrawnEvent e) {
                reservations.remove(e.reference());
            } else if (fact instanceof TreatyDenouncedEvent e) {
                denunciation = e;
            }
        }
        return new ParticipationState(signature, ratification, reservations, denunciation);
    }

    public boolean isParty() {
        return ratification != null && denunciation == null;
    }
}
