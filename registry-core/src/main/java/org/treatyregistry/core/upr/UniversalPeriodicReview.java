package org.treatyregistry.core.upr;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.treatyregistry.core.shared.ExpectedVersion;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.FactLog;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Require;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A state's Universal Periodic Review cycles. */
public class UniversalPeriodicReview {

    @AggregateIdentifier
    private String uprId;
    private final FactLog<UprFact> facts = new FactLog<>();

    protected UniversalPeriodicReview() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        ExpectedVersion.check(uprId, facts.version(), command);
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordUprReviewCommand command) {
        return record(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(RecordUprMidTermReportCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(CorrectUprFactCommand command) {
        Require.text(command.reason(), "reason");
        Require.present(command.replacement(), "replacement");
        UprFact original = facts.at(command.correctsSequence()).orElseThrow(() -> RegistryException.notFound(
                "FACT_NOT_FOUND", "correctsSequence", "no fact with sequence " + command.correctsSequence() + " in " + command.uprId()));
        if (!command.replacement().uprId().equals(command.uprId())) {
            throw RegistryException.invalid("CORRECTION_TARGET_MISMATCH", "replacement", "the replacement is about another state");
        }
        UprFact replacement = decide(command.replacement());
        if (replacement.getClass() != original.getClass()) {
            throw RegistryException.invalid("CORRECTION_KIND_MISMATCH", "replacement", "a correction must replace a fact with one of the same kind");
        }
        guardAgainst(replacement, facts.bySequence().entrySet().stream()
                .filter(e -> e.getKey() != command.correctsSequence()).map(Map.Entry::getValue).toList());
        if (replacement.equals(original)) {
            throw RegistryException.invalid("CORRECTION_CHANGES_NOTHING", "replacement", "the replacement is identical to the recorded fact");
        }
        apply(new UprFactCorrectedEvent(command.uprId(), command.state(), command.correctsSequence(), command.reason(),
                command.source(), replacement));
        return CommandOutcome.recorded(uprId);
    }

    private CommandOutcome record(UprCommand command) {
        UprFact fact = decide(command);
        if (facts.contains(fact)) {
            return CommandOutcome.alreadyRecorded(command.uprId());
        }
        guardAgainst(fact, facts.effective());
        apply(fact);
        return CommandOutcome.recorded(command.uprId());
    }

    static UprFact decide(UprCommand command) {
        Require.present(command.state(), "state");
        if (command.cycle() < 1) {
            throw RegistryException.invalid("INVALID_CYCLE", "cycle", "UPR cycles are numbered from 1");
        }
        if (command instanceof RecordUprReviewCommand c) {
            Require.present(c.reviewedOn(), "reviewedOn");
            Require.atMost(c.workingGroupSession(), 200, "workingGroupSession");
            Require.atMost(c.nationalReport(), 200, "nationalReport");
            Require.atMost(c.outcomeReport(), 200, "outcomeReport");
            if (c.reviewedOn().latest().isBefore(java.time.LocalDate.of(2008, 4, 7))) {
                throw RegistryException.invalid("DATE_BEFORE_OPENING", "reviewedOn",
                        "the UPR began with the Working Group's first session on 7 April 2008");
            }
            return new UprReviewHeldEvent(c.uprId(), c.state(), c.cycle(), c.workingGroupSession(), c.reviewedOn(),
                    c.nationalReport(), c.outcomeReport(), c.source());
        }
        RecordUprMidTermReportCommand c = (RecordUprMidTermReportCommand) command;
        Require.present(c.submittedOn(), "submittedOn");
        Require.atMost(c.symbol(), 200, "symbol");
        return new UprMidTermReportSubmittedEvent(c.uprId(), c.state(), c.cycle(), c.submittedOn(), c.symbol(), c.source());
    }

    static void guardAgainst(UprFact fact, List<UprFact> existing) {
        List<UprReviewHeldEvent> reviews = existing.stream().filter(UprReviewHeldEvent.class::isInstance)
                .map(UprReviewHeldEvent.class::cast).toList();
        if (fact instanceof UprReviewHeldEvent e) {
            if (reviews.stream().anyMatch(r -> r.cycle() == e.cycle())) {
                throw RegistryException.conflict("CYCLE_ALREADY_RECORDED", "cycle",
                        "the review of cycle " + e.cycle() + " is already recorded; correct it instead");
            }
            reviews.stream().filter(r -> r.cycle() < e.cycle() && !r.reviewedOn().latest().isBefore(e.reviewedOn().earliest()))
                    .findFirst().ifPresent(r -> {
                        throw RegistryException.invalid("DATE_OUT_OF_ORDER", "reviewedOn",
                                "cycle " + e.cycle() + " cannot be reviewed before cycle " + r.cycle() + " (" + r.reviewedOn() + ")");
                    });
        } else if (fact instanceof UprMidTermReportSubmittedEvent e) {
            UprReviewHeldEvent review = reviews.stream().filter(r -> r.cycle() == e.cycle()).findFirst()
                    .orElseThrow(() -> RegistryException.conflict("CYCLE_NOT_REVIEWED", "cycle",
                            "cycle " + e.cycle() + " has no recorded review; a mid-term report follows a review"));
            Require.notAfter(review.reviewedOn(), e.submittedOn(), "submittedOn", "a mid-term report follows the review it reports on");
        }
    }

    @EventSourcingHandler
    void on(UprReviewHeldEvent event) {
        uprId = event.uprId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(UprMidTermReportSubmittedEvent event) {
        uprId = event.uprId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(UprFactCorrectedEvent event) {
        facts.replace(event.correctsSequence(), event.replacement());
    }

    List<UprFact> effectiveFacts() {
        return facts.effective();
    }
}
