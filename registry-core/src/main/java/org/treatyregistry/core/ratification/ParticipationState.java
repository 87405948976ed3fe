package org.treatyregistry.core.ratification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the effective facts of a participation add up to. Derived, never stored. */
public record ParticipationState(InstrumentSignedEvent signature, TreatyRatifiedEvent ratification,
                                 Map<String, ReservationEnteredEvent> activeReservations,
                                 TreatyDenouncedEvent denunciation) {

    public static ParticipationState of(List<ParticipationFact> facts) {
        return Fold.of(facts).state();
    }

    public boolean isParty() {
        return ratification != null && denunciation == null;
    }

    /**
     * The state built up fact by fact, in the facts' order. A fold that has added a list of facts holds what
     * {@link #of} gives for that list, so an aggregate whose facts only grow at the end can keep one and add each new
     * fact, instead of going over all its facts again at every command (the participation's status row likewise, from
     * batch to batch); a correction, which replaces a fact in the middle, starts a new fold.
     */
    public static final class Fold {
        private InstrumentSignedEvent signature;
        private TreatyRatifiedEvent ratification;
        private TreatyDenouncedEvent denunciation;
        private final Map<String, ReservationEnteredEvent> reservations = new LinkedHashMap<>();

        public static Fold of(List<ParticipationFact> facts) {
            Fold fold = new Fold();
            facts.forEach(fold::add);
            return fold;
        }

        public void add(ParticipationFact fact) {
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

        /** The state so far; its reservations are a read-only view of the fold's, valid until the next fact. */
        public ParticipationState state() {
            return new ParticipationState(signature, ratification, Collections.unmodifiableMap(reservations), denunciation);
        }
    }
}
