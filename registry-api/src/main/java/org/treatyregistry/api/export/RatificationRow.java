package org.treatyregistry.api.export;

import org.treatyregistry.projections.ratification.RatificationStatus;

import java.util.stream.Collectors;

/** One line of the ratification-status CSV: reservations and sources flattened to text. */
public record RatificationRow(String state, String instrument, String instrumentTitle, String body, String signedOn,
                              String action, String depositedOn, String entryIntoForce, String entryIntoForceBasis,
                              boolean party, String denouncedOn, String denunciationEffective, String reservations,
                              String sources) {

    static RatificationRow of(RatificationStatus s) {
        return new RatificationRow(s.state(), s.instrument(), s.instrumentTitle(), s.body(), s.signedOn(), s.action(),
                s.depositedOn(), s.entryIntoForce(), s.entryIntoForceBasis(), s.party(), s.denouncedOn(),
                s.denunciationEffective(),
                s.reservations().stream().map(r -> r.kind() + " '" + r.reference() + "'" + (r.article() == null ? "" : " " + r.article())
                        + " (" + r.madeOn() + ")").collect(Collectors.joining("; ")),
                String.join("; ", s.sources()));
    }
}
