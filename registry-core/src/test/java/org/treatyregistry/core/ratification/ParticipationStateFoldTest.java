package org.treatyregistry.core.ratification;

import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state a participation keeps from event to event is the state its effective facts add up to, whatever the
 * events: facts in any order, reservations entered and withdrawn under the same few references, corrections anywhere
 * in the history. The events go through the aggregate's event-sourcing handlers, as when it is loaded or applies
 * them; its guards read the state kept.
 */
class ParticipationStateFoldTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final String ID = ParticipationId.of(KAZ, ICCPR);
    private static final Source SOURCE = Source.document("C.N.1.2024.TREATIES");
    private static final List<String> REFERENCES = List.of("art. 1", "art. 2", "art. 14", "ratione temporis");

    @Test
    void keptStateIsTheFoldOfTheEffectiveFactsAfterEveryEvent() {
        Random random = new Random(20261122);
        int corrections = 0;
        for (int history = 0; history < 2_000; history++) {
            Participation participation = new Participation();
            List<ParticipationFact> effective = new ArrayList<>();
            int events = 1 + random.nextInt(40);
            for (int sequence = 0; sequence < events; sequence++) {
                if (!effective.isEmpty() && random.nextInt(4) == 0) {
                    int corrected = random.nextInt(sequence);
                    if (effective.get(corrected) != null) {
                        ParticipationFact replacement = randomFact(random);
                        participation.on(new ParticipationFactCorrectedEvent(ID, KAZ, ICCPR, corrected, "corrected", SOURCE, replacement));
                        effective.set(corrected, replacement);
                        effective.add(null); // a correction is an event, not a fact: its sequence holds none
                        corrections++;
                        assertKept(participation, effective);
                        continue;
                    }
                }
                ParticipationFact fact = randomFact(random);
                record(participation, fact);
                effective.add(fact);
                assertKept(participation, effective);
            }
        }
        assertThat(corrections).as("histories with corrections").isGreaterThan(1_000);
    }

    private static void assertKept(Participation participation, List<ParticipationFact> effective) {
        ParticipationState expected = ParticipationState.of(effective.stream().filter(f -> f != null).toList());
        ParticipationState kept = participation.state();
        assertThat(kept).isEqualTo(expected);
        // the order of reservations is what the status lists them in
        assertThat(List.copyOf(kept.activeReservations().keySet())).isEqualTo(List.copyOf(expected.activeReservations().keySet()));
    }

    private static void record(Participation participation, ParticipationFact fact) {
        if (fact instanceof InstrumentSignedEvent e) {
            participation.on(e);
        } else if (fact instanceof TreatyRatifiedEvent e) {
            participation.on(e);
        } else if (fact instanceof ReservationEnteredEvent e) {
            participation.on(e);
        } else if (fact instanceof ReservationWithdrawnEvent e) {
            participation.on(e);
        } else {
            participation.on((TreatyDenouncedEvent) fact);
        }
    }

    private static ParticipationFact randomFact(Random random) {
        LegalDate on = LegalDate.ofDay(LocalDate.of(1990, 1, 1).plusDays(random.nextInt(12_000)));
        String reference = REFERENCES.get(random.nextInt(REFERENCES.size()));
        return switch (random.nextInt(6)) {
            case 0 -> new InstrumentSignedEvent(ID, KAZ, ICCPR, on, SOURCE);
            case 1 -> new TreatyRatifiedEvent(ID, KAZ, ICCPR, ConsentAction.RATIFICATION, on, on, "rule", SOURCE);
            case 2, 3 -> new ReservationEnteredEvent(ID, KAZ, ICCPR, reference, ReservationKind.DECLARATION, "2",
                    "text " + random.nextInt(3), on, SOURCE);
            case 4 -> new ReservationWithdrawnEvent(ID, KAZ, ICCPR, reference, on, SOURCE);
            default -> new TreatyDenouncedEvent(ID, KAZ, ICCPR, on, on, SOURCE);
        };
    }
}
