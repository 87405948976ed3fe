package org.treatyregistry.core.ratification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** A fact about a state's participation in an instrument; a correction replaces one with another of the same kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InstrumentSignedEvent.class, name = "signature"),
        @JsonSubTypes.Type(value = TreatyRatifiedEvent.class, name = "ratification"),
        @JsonSubTypes.Type(value = ReservationEnteredEvent.class, name = "reservation"),
        @JsonSubTypes.Type(value = ReservationWithdrawnEvent.class, name = "reservation-withdrawal"),
        @JsonSubTypes.Type(value = TreatyDenouncedEvent.class, name = "denunciation")
})
public sealed interface ParticipationFact
        permits InstrumentSignedEvent, TreatyRatifiedEvent, ReservationEnteredEvent, ReservationWithdrawnEvent, TreatyDenouncedEvent {

    String participationId();

    StateCode state();

    Source source();
}
