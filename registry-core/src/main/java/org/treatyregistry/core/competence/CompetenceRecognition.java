package org.treatyregistry.core.competence;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.treatyregistry.core.shared.ExpectedVersion;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.treatyregistry.core.catalogue.AcceptanceMode;
import org.treatyregistry.core.catalogue.CompetenceMechanism;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.FactLog;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Require;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A treaty body's competence to receive communications (or inquire, or visit) concerning one state. */
public class CompetenceRecognition {

    @AggregateIdentifier
    private String recognitionId;
    private final FactLog<CompetenceFact> facts = new FactLog<>();

    protected CompetenceRecognition() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        ExpectedVersion.check(recognitionId, facts.version(), command);
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecognizeCompetenceCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordCompetenceOptOutCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(WithdrawCompetenceCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(CorrectCompetenceFactCommand command) {
        Require.text(command.reason(), "reason");
        Require.present(command.replacement(), "replacement");
        CompetenceFact original = facts.at(command.correctsSequence()).orElseThrow(() -> RegistryException.notFound(
                "FACT_NOT_FOUND", "correctsSequence",
                "no fact with sequence " + command.correctsSequence() + " in " + command.recognitionId()));
        if (!command.replacement().recognitionId().equals(command.recognitionId())) {
            throw RegistryException.invalid("CORRECTION_TARGET_MISMATCH", "replacement",
                    "the replacement is about " + command.replacement().recognitionId() + ", not " + command.recognitionId());
        }
        CompetenceFact replacement = decide(command.replacement());
        if (replacement.getClass() != original.getClass()) {
            throw RegistryException.invalid("CORRECTION_KIND_MISMATCH", "replacement",
                    "a correction must replace a fact with one of the same kind");
        }
        guardAgainst(replacement, facts.bySequence().entrySet().stream()
                .filter(e -> e.getKey() != command.correctsSequence()).map(Map.Entry::getValue).toList());
        if (replacement.equals(original)) {
            throw RegistryException.invalid("CORRECTION_CHANGES_NOTHING", "replacement", "the replacement is identical to the recorded fact");
        }
        apply(new CompetenceFactCorrectedEvent(command.recognitionId(), command.state(), command.body(), command.mechanism(),
                command.correctsSequence(), command.reason(), command.source(), replacement));
        return CommandOutcome.recorded(recognitionId);
    }

    private CommandOutcome record(CompetenceCommand command) {
        CompetenceFact fact = decide(command);
        if (facts.contains(fact)) {
            return CommandOutcome.alreadyRecorded(command.recognitionId());
        }
        guardAgainst(fact, facts.effective());
        apply(fact);
        return CommandOutcome.recorded(command.recognitionId());
    }

    static CompetenceFact decide(CompetenceCommand command) {
        Require.present(command.state(), "state");
        Require.present(command.body(), "body");
        Require.present(command.mechanism(), "mechanism");
        CompetenceMechanism mechanism = TreatyCatalogue.requireMechanism(command.body(), command.mechanism());
        String id = command.recognitionId();
        if (command instanceof RecognizeCompetenceCommand c) {
            Require.notAfter(c.declaredOn(), c.effectiveFrom(), "effectiveFrom", "competence cannot take effect before it was declared");
            return new CompetenceRecognizedEvent(id, c.state(), c.body(), c.mechanism(), mechanism.instrument(),
                    mechanism.article(), mechanism.mode(), c.effectiveFrom(), c.declaredOn(), c.source());
        }
        if (command instanceof RecordCompetenceOptOutCommand c) {
            if (mechanism.mode() != AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT) {
                throw RegistryException.invalid("OPT_OUT_NOT_AVAILABLE", "mechanism",
                        mechanism.citation() + " has no opt-out (" + mechanism.mode() + ")");
            }
            return new CompetenceOptedOutEvent(id, c.state(), c.body(), c.mechanism(),
                    mechanism.instrument() + " " + mechanism.optOutArticle(), c.declaredOn(), c.source());
        }
        WithdrawCompetenceCommand c = (WithdrawCompetenceCommand) command;
        Require.present(c.withdrawnOn(), "withdrawnOn");
        return new CompetenceWithdrawnEvent(id, c.state(), c.body(), c.mechanism(), c.withdrawnOn(), c.source());
    }

    static void guardAgainst(CompetenceFact fact, List<CompetenceFact> existing) {
        CompetenceState state = CompetenceState.of(existing);
        if (fact instanceof CompetenceRecognizedEvent e && state.recognized()) {
            throw RegistryException.conflict("ALREADY_RECOGNIZED", "mechanism",
                    e.state() + " already recognises " + e.body() + " " + e.mechanism() + " (" + e.instrument() + " " + e.article()
                            + "); correct that fact instead");
        }
        if (fact instanceof CompetenceOptedOutEvent e && (state.recognized() || state.optedOut())) {
            throw RegistryException.conflict("OPT_OUT_CONFLICT", "mechanism",
                    e.state() + " has already " + (state.optedOut() ? "opted out of" : "recognised") + " this competence");
        }
        if (fact instanceof CompetenceWithdrawnEvent e) {
            if (!state.recognized()) {
                throw RegistryException.conflict("NOT_RECOGNIZED", "mechanism",
                        e.state() + " does not recognise " + e.body() + " " + e.mechanism() + "; there is nothing to withdraw");
            }
            Require.notAfter(state.recognition().effectiveFrom(), e.withdrawnOn(), "withdrawnOn",
                    "a withdrawal cannot precede the recognition");
        }
    }

    @EventSourcingHandler
    void on(CompetenceRecognizedEvent event) {
        recognitionId = event.recognitionId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(CompetenceOptedOutEvent event) {
        recognitionId = event.recognitionId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(CompetenceWithdrawnEvent event) {
        recognitionId = event.recognitionId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(CompetenceFactCorrectedEvent event) {
        facts.replace(event.correctsSequence(), event.replacement());
    }

    CompetenceState state() {
        return CompetenceState.of(facts.effective());
    }
}
