package org.treatyregistry.projections.ratification;

import java.util.List;

/** A state's standing under one instrument. Dates are texts with their precision ("2006-01-24", "1998-08", "1994"). */
public record RatificationStatus(String state, String instrument, String instrumentTitle, String body,
                                 String signedOn, String action, String depositedOn, String entryIntoForce,
                                 String entryIntoForceBasis, boolean party, String denouncedOn,
                                 String denunciationEffective, List<ReservationView> reservations, List<String> sources) {
}
