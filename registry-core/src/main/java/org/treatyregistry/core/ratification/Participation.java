package org.treatyregistry.core.ratification;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.treatyregistry.core.shared.ExpectedVersion;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.FactLog;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Require;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A state's participation in one instrument: signature, deposit, entry into force, reservations, denunciation.
 * Guards read the effective facts (corrections applied), as the state they add up to; event-sourcing handlers only
 * record facts and keep that state in step.
 */
public class Participation {

    @AggregateIdentifier
    private String participationId;
    private final FactLog<ParticipationFact> facts = new FactLog<>();
    // what the effective facts add up to, kept in step with them: the guards read it at every command, and going
    // over all the facts each time made a command's cost grow with the participation's history
    private ParticipationState.Fold effective = new ParticipationState.Fold();

    protected Participation() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        ExpectedVersion.check(participationId, facts.version(), command);
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordSignatureCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordRatificationCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordReservationCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(WithdrawReservationCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordDenunciationCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(CorrectParticipationFactCommand command) {
        Require.text(command.reason(), "reason");
        Require.present(command.replacement(), "replacement");
        ParticipationFact original = facts.at(command.correctsSequence()).orElseThrow(() -> RegistryException.notFound(
                "FACT_NOT_FOUND", "correctsSequence",
                "no fact with sequence " + command.correctsSequence() + " in " + command.participationId()));
        if (!command.replacement().participationId().equals(command.participationId())) {
            throw RegistryException.invalid("CORRECTION_TARGET_MISMATCH", "replacement",
                    "the replacement is about " + command.replacement().participationId() + ", not " + command.participationId());
        }
        List<ParticipationFact> others = facts.bySequence().entrySet().stream()
                .filter(e -> e.getKey() != command.correctsSequence()).map(java.util.Map.Entry::getValue).toList();
        ParticipationFact replacement = decide(command.replacement());
        if (replacement.getClass() != original.getClass()) {
            throw RegistryException.invalid("CORRECTION_KIND_MISMATCH", "replacement",
                    "a " + kindOf(original) + " can only be corrected by a " + kindOf(original) + ", not a " + kindOf(replacement));
        }
        guardAgainst(replacement, ParticipationState.of(others));
        if (replacement.equals(original)) {
            throw RegistryException.invalid("CORRECTION_CHANGES_NOTHING", "replacement",
                    "the replacement is identical to the recorded fact");
        }
        apply(new ParticipationFactCorrectedEvent(command.participationId(), command.state(), command.instrument(),
                command.correctsSequence(), command.reason(), command.source(), replacement));
        return CommandOutcome.recorded(participationId);
    }

    private CommandOutcome record(ParticipationCommand command) {
        ParticipationFact fact = decide(command);
        if (facts.contains(fact)) {
            return CommandOutcome.alreadyRecorded(command.participationId());
        }
        guardAgainst(fact, effective.state());
        apply(fact);
        return CommandOutcome.recorded(command.participationId());
    }

    /** Validates a command's own fields and says what fact it records. Pure: reads no state. */
    static ParticipationFact decide(ParticipationCommand command) {
        Require.present(command.state(), "state");
        Require.present(command.instrument(), "instrument");
        InstrumentDefinition instrument = TreatyCatalogue.instrument(command.instrument());
        String id = command.participationId();
        if (command instanceof RecordSignatureCommand c) {
            notBeforeOpening(instrument, Require.present(c.signedOn(), "signedOn"), "signedOn", "signature");
            return new InstrumentSignedEvent(id, c.state(), c.instrument(), c.signedOn(), c.source());
        }
        if (command instanceof RecordRatificationCommand c) {
            Require.present(c.action(), "action");
            notBeforeOpening(instrument, c.depositedOn(), "depositedOn", "deposit");
            Require.notAfter(c.depositedOn(), c.statedEntryIntoForce(), "statedEntryIntoForce",
                    "entry into force cannot precede the deposit");
            EntryIntoForce computed = EntryIntoForce.of(instrument, c.depositedOn(), null, null);
            if (c.statedEntryIntoForce() != null && c.statedEntryIntoForce().isExact() && computed.date() != null
                    && computed.date().isExact() && !computed.date().equals(c.statedEntryIntoForce())) {
                throw RegistryException.invalid("ENTRY_INTO_FORCE_INCONSISTENT", "statedEntryIntoForce",
                        "a deposit on " + c.depositedOn() + " gives entry into force on " + computed.date()
                                + " by " + computed.basis() + ", not " + c.statedEntryIntoForce());
            }
            EntryIntoForce eif = EntryIntoForce.of(instrument, c.depositedOn(), c.statedEntryIntoForce(),
                    c.source() == null ? null : c.source().symbol());
            return new TreatyRatifiedEvent(id, c.state(), c.instrument(), c.action(), c.depositedOn(), eif.date(),
                    eif.basis(), c.source());
        }
        if (command instanceof RecordReservationCommand c) {
            Require.text(c.reference(), "reference");
            Require.present(c.kind(), "kind");
            Require.present(c.madeOn(), "madeOn");
            Require.atMost(c.article(), 200, "article");
            Require.atMost(c.text(), 20000, "text");
            return new ReservationEnteredEvent(id, c.state(), c.instrument(), c.reference(), c.kind(), c.article(),
                    c.text(), c.madeOn(), c.source());
        }
        if (command instanceof WithdrawReservationCommand c) {
            Require.text(c.reference(), "reference");
            Require.present(c.withdrawnOn(), "withdrawnOn");
            return new ReservationWithdrawnEvent(id, c.state(), c.instrument(), c.reference(), c.withdrawnOn(), c.source());
        }
        RecordDenunciationCommand c = (RecordDenunciationCommand) command;
        Require.present(c.notifiedOn(), "notifiedOn");
        Require.notAfter(c.notifiedOn(), c.effectiveOn(), "effectiveOn", "a denunciation cannot take effect before it is notified");
        return new TreatyDenouncedEvent(id, c.state(), c.instrument(), c.notifiedOn(), c.effectiveOn(), c.source());
    }

    /** Refuses a new fact that contradicts the facts already recorded. */
    static void guardAgainst(ParticipationFact fact, ParticipationState state) {
        if (fact instanceof InstrumentSignedEvent e) {
            if (state.signature() != null) {
                throw RegistryException.conflict("ALREADY_SIGNED", "signedOn",
                        e.participationId() + " was already signed on " + state.signature().signedOn()
                                + "; correct that fact instead of recording a second signature");
            }
        } else if (fact instanceof TreatyRatifiedEvent e) {
            if (state.isParty()) {
                throw RegistryException.conflict("ALREADY_PARTY", "instrument",
                        e.state() + " is already party to " + e.instrument() + " (" + state.ratification().action().name().toLowerCase()
                                + " deposited " + state.ratification().depositedOn() + "); correct that fact instead");
            }
            if (state.signature() != null && e.depositedOn() != null
                    && e.depositedOn().latest().isBefore(state.signature().signedOn().earliest())) {
                throw RegistryException.invalid("DATE_OUT_OF_ORDER", "depositedOn",
                        "the deposit (" + e.depositedOn() + ") cannot precede the signature (" + state.signature().signedOn() + ")");
            }
        } else if (fact instanceof ReservationEnteredEvent e) {
            if (state.signature() == null && state.ratification() == null) {
                throw RegistryException.conflict("NOT_A_SIGNATORY", "instrument",
                        e.state() + " has neither signed nor ratified " + e.instrument() + "; record that first");
            }
            if (state.activeReservations().containsKey(e.reference())) {
                throw RegistryException.conflict("RESERVATION_EXISTS", "reference",
                        "a reservation called '" + e.reference() + "' is already in force");
            }
        } else if (fact instanceof ReservationWithdrawnEvent e) {
            ReservationEnteredEvent active = state.activeReservations().get(e.reference());
            if (active == null) {
                throw RegistryException.notFound("RESERVATION_NOT_FOUND", "reference",
                        "no reservation or declaration called '" + e.reference() + "' is in force for " + e.participationId());
            }
            Require.notAfter(active.madeOn(), e.withdrawnOn(), "withdrawnOn", "a reservation cannot be withdrawn before it was made");
        } else if (fact instanceof TreatyDenouncedEvent e) {
            if (state.denunciation() != null) {
                throw RegistryException.conflict("ALREADY_DENOUNCED", "instrument", e.participationId() + " was already denounced");
            }
            if (state.ratification() == null) {
                throw RegistryException.conflict("NOT_A_PARTY", "instrument",
                        e.state() + " is not party to " + e.instrument() + "; only a party can denounce it");
            }
            Require.notAfter(state.ratification().depositedOn(), e.notifiedOn(), "notifiedOn",
                    "a denunciation cannot precede the deposit");
        }
    }

    private static void notBeforeOpening(InstrumentDefinition instrument, LegalDate date, String field, String what) {
        if (date != null && date.latest().isBefore(instrument.openedForSignature())) {
            throw RegistryException.invalid("DATE_BEFORE_OPENING", field,
                    "the " + what + " (" + date + ") is before " + instrument.code() + " was opened for signature on "
                            + instrument.openedForSignature());
        }
    }

    private static String kindOf(ParticipationFact fact) {
        return fact.getClass().getSimpleName().replace("Event", "");
    }

    @EventSourcingHandler
    void on(InstrumentSignedEvent event) {
        participationId = event.participationId();
        facts.record(event);
        effective.add(event);
    }

    @EventSourcingHandler
    void on(TreatyRatifiedEvent event) {
        participationId = event.participationId();
        facts.record(event);
        effective.add(event);
    }

    @EventSourcingHandler
    void on(ReservationEnteredEvent event) {
        participationId = event.participationId();
        facts.record(event);
        effective.add(event);
    }

    @EventSourcingHandler
    void on(ReservationWithdrawnEvent event) {
        participationId = event.participationId();
        facts.record(event);
        effective.add(event);
    }

    @EventSourcingHandler
    void on(TreatyDenouncedEvent event) {
        participationId = event.participationId();
        facts.record(event);
        effective.add(event);
    }

    @EventSourcingHandler
    void on(ParticipationFactCorrectedEvent event) {
        facts.replace(event.correctsSequence(), event.replacement());
        effective = ParticipationState.Fold.of(facts.effective());
    }

    /** The effective state, for tests that assert it. */
    ParticipationState state() {
        return effective.state();
    }

    String participationId() {
        return participationId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participation p && Objects.equals(participationId, p.participationId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(participationId);
    }
}
