package org.treatyregistry.core.ratification;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.StateCode;

/** A command that records one participation fact; a correction carries one as the fact as it should have been. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "fact")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RecordSignatureCommand.class, name = "signature"),
        @JsonSubTypes.Type(value = RecordRatificationCommand.class, name = "ratification"),
        @JsonSubTypes.Type(value = RecordReservationCommand.class, name = "reservation"),
        @JsonSubTypes.Type(value = WithdrawReservationCommand.class, name = "reservation-withdrawal"),
        @JsonSubTypes.Type(value = RecordDenunciationCommand.class, name = "denunciation")
})
public sealed interface ParticipationCommand
        permits RecordSignatureCommand, RecordRatificationCommand, RecordReservationCommand, WithdrawReservationCommand, RecordDenunciationCommand {

    StateCode state();

    InstrumentCode instrument();

    @TargetAggregateIdentifier
    default String participationId() {
        return ParticipationId.of(state(), instrument());
    }
}
