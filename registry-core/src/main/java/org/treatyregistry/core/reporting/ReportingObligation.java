package org.treatyregistry.core.reporting;

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
import org.treatyregistry.core.catalogue.ReportingRule;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.FactLog;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Require;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A state's reporting obligation under one instrument, to the body that monitors it. It opens when the instrument
 * enters into force for the state; every later fact (reports, lists of issues, reviews, concluding observations,
 * follow-up, revised dates) is checked against the facts before it, and the schedule of what is due is derived from
 * them by {@link ReportingSchedule}.
 */
public class ReportingObligation {

    @AggregateIdentifier
    private String obligationId;
    private final FactLog<ReportingFact> facts = new FactLog<>();

    protected ReportingObligation() {
        // for Axon
    }

    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        ExpectedVersion.check(obligationId, facts.version(), command);
        return chain.proceed();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandOutcome handle(OpenReportingObligationCommand command) {
        Require.present(command.state(), "state");
        Require.present(command.instrument(), "instrument");
        Require.present(command.entryIntoForce(), "entryIntoForce");
        InstrumentDefinition instrument = TreatyCatalogue.instrument(command.instrument());
        ReportingRule rule = instrument.reporting();
        if (!rule.opensObligation()) {
            throw RegistryException.invalid("NO_REPORTING_OBLIGATION", "instrument", command.instrument()
                    + " has no reports of its own" + (rule.parent() != null ? ": reporting goes into the " + rule.parent() + " reports (" + rule.article() + ")" : ""));
        }
        LegalDate initialDue = command.entryIntoForce().plusYears(rule.initialYears());
        ReportingObligationOpenedEvent opened = new ReportingObligationOpenedEvent(command.obligationId(), command.state(),
                command.instrument(), instrument.body(), command.entryIntoForce(), command.entryIntoForceBasis(), initialDue,
                rule.article() + ": initial report within " + rule.initialYears() + (rule.initialYears() == 1 ? " year" : " years")
                        + " of entry into force (" + command.entryIntoForce() + ")");
        if (obligationId == null) {
            apply(opened);
            return CommandOutcome.recorded(command.obligationId());
        }
        Map.Entry<Long, ReportingFact> current = facts.bySequence().entrySet().iterator().next();
        if (current.getValue().equals(opened)) {
            return CommandOutcome.alreadyRecorded(obligationId);
        }
        List<ReportingFact> others = facts.effective().subList(1, facts.effective().size());
        others.stream().filter(f -> f.legalDate() != null && f.legalDate().latest().isBefore(opened.entryIntoForce().earliest()))
                .findFirst().ifPresent(f -> {
                    throw RegistryException.conflict("ENTRY_INTO_FORCE_CONFLICT", "entryIntoForce",
                            "entry into force on " + opened.entryIntoForce() + " would come after a recorded "
                                    + f.getClass().getSimpleName().replace("Event", "") + " of " + f.legalDate());
                });
        apply(new ReportingFactCorrectedEvent(obligationId, command.state(), command.instrument(), current.getKey(),
                "entry into force corrected in the participation record (" + command.entryIntoForceBasis() + ")", null, opened));
        return CommandOutcome.recorded(obligationId);
    }

    @CommandHandler
    public CommandOutcome handle(RecordReportSubmissionCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(RecordListOfIssuesPriorToReportingCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(RecordReviewCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(RecordConcludingObservationsCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(RecordFollowUpSubmissionCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(ReviseDueDateCommand command) {
        return record(command);
    }

    @CommandHandler
    public CommandOutcome handle(CorrectReportingFactCommand command) {
        Require.text(command.reason(), "reason");
        Require.present(command.replacement(), "replacement");
        ReportingFact original = facts.at(command.correctsSequence()).orElseThrow(() -> RegistryException.notFound(
                "FACT_NOT_FOUND", "correctsSequence",
                "no fact with sequence " + command.correctsSequence() + " in " + command.obligationId()));
        if (!command.replacement().obligationId().equals(command.obligationId())) {
            throw RegistryException.invalid("CORRECTION_TARGET_MISMATCH", "replacement",
                    "the replacement is about " + command.replacement().obligationId() + ", not " + command.obligationId());
        }
        if (original instanceof ReportingObligationOpenedEvent) {
            throw RegistryException.invalid("CORRECTION_KIND_MISMATCH", "replacement", "the opening of " + command.obligationId()
                    + " follows the entry into force in the participation record; correct the ratification there");
        }
        List<ReportingFact> before = facts.bySequence().entrySet().stream()
                .filter(e -> e.getKey() < command.correctsSequence()).map(Map.Entry::getValue).toList();
        ReportingFact replacement = decide(command.replacement(), before);
        if (replacement.getClass() != original.getClass()) {
            throw RegistryException.invalid("CORRECTION_KIND_MISMATCH", "replacement",
                    "a " + kindOf(original) + " can only be corrected by a " + kindOf(original) + ", not a " + kindOf(replacement));
        }
        if (replacement.equals(original)) {
            throw RegistryException.invalid("CORRECTION_CHANGES_NOTHING", "replacement", "the replacement is identical to the recorded fact");
        }
        apply(new ReportingFactCorrectedEvent(obligationId, command.state(), command.instrument(), command.correctsSequence(),
                command.reason(), command.source(), replacement));
        return CommandOutcome.recorded(obligationId);
    }

    private CommandOutcome record(ReportingCommand command) {
        List<ReportingFact> existing = facts.effective();
        ReportingFact candidate = withoutGuards(command);
        if (existing.stream().anyMatch(f -> sameFact(f, candidate))) {
            return CommandOutcome.alreadyRecorded(obligationId);
        }
        apply(decide(command, existing));
        return CommandOutcome.recorded(obligationId);
    }

    private static boolean sameFact(ReportingFact recorded, ReportingFact candidate) {
        if (recorded instanceof DueDateRevisedEvent r && candidate instanceof DueDateRevisedEvent c) {
            // the previous due date is filled in from state, so a repeat is recognised by everything else
            return r.equals(new DueDateRevisedEvent(c.obligationId(), c.state(), c.instrument(), c.itemId(), r.previousDue(),
                    c.newDue(), c.reason(), c.decisionSymbol(), c.source()));
        }
        return recorded.equals(candidate);
    }

    /** The fact a command would record, built without consulting state, to recognise a repeat. */
    private static ReportingFact withoutGuards(ReportingCommand command) {
        try {
            return build(command, null);
        } catch (RegistryException e) {
            return null;
        }
    }

    /** Validates a command against the facts recorded before it and says what fact it records. */
    static ReportingFact decide(ReportingCommand command, List<ReportingFact> existing) {
        ReportingObligationOpenedEvent opened = (ReportingObligationOpenedEvent) existing.get(0);
        ReportingFact fact = build(command, opened);
        LegalDate eif = opened.entryIntoForce();
        if (fact.legalDate() != null && !(fact instanceof DueDateRevisedEvent) && fact.legalDate().latest().isBefore(eif.earliest())) {
            throw RegistryException.conflict("OBLIGATION_NOT_YET_OPEN", dateField(fact),
                    opened.instrument() + " entered into force for " + opened.state() + " on " + eif + " (" + opened.entryIntoForceBasis()
                            + "); nothing can be reported under it on " + fact.legalDate());
        }
        if (fact instanceof ReportSubmittedEvent e) {
            guardSymbolUnused(existing, e.symbol(), "symbol");
            guardNotAlreadySubmitted(existing, e.covers(), opened.entryIntoForce().latest());
        } else if (fact instanceof ListOfIssuesPriorToReportingTransmittedEvent e) {
            guardSymbolUnused(existing, e.symbol(), "symbol");
            Require.notAfter(e.transmittedOn(), e.replyDue(), "replyDue", "the reply cannot be due before the list is transmitted");
            guardNotAlreadySubmitted(existing, e.covers(), e.replyDue().latest());
        } else if (fact instanceof ReviewHeldEvent e) {
            if (existing.stream().anyMatch(f -> f instanceof ReviewHeldEvent r && r.session().equals(e.session()))) {
                throw RegistryException.conflict("REVIEW_ALREADY_RECORDED", "session",
                        "a review in session '" + e.session() + "' is already recorded; correct it instead");
            }
            for (int i = 0; i < e.reportSymbols().size(); i++) {
                String symbol = e.reportSymbols().get(i);
                boolean submitted = existing.stream().anyMatch(f -> f instanceof ReportSubmittedEvent r && r.symbol().equals(symbol));
                if (!submitted) {
                    throw RegistryException.conflict("REPORT_NOT_SUBMITTED", "reportSymbols[" + i + "]",
                            "no report " + symbol + " has been recorded as submitted under " + opened.obligationId());
                }
            }
        } else if (fact instanceof ConcludingObservationsAdoptedEvent e) {
            guardSymbolUnused(existing, e.symbol(), "symbol");
            ReviewHeldEvent review = existing.stream().filter(f -> f instanceof ReviewHeldEvent r && r.session().equals(e.reviewSession()))
                    .map(ReviewHeldEvent.class::cast).findFirst()
                    .orElseThrow(() -> RegistryException.conflict("REVIEW_NOT_HELD", "reviewSession",
                            "no review in session '" + e.reviewSession() + "' is recorded under " + opened.obligationId()
                                    + "; record the review before its concluding observations"));
            Require.notAfter(review.startedOn(), e.adoptedOn(), "adoptedOn", "concluding observations cannot be adopted before the review began ("
                    + review.startedOn() + ")");
        } else if (fact instanceof FollowUpInformationSubmittedEvent e) {
            guardSymbolUnused(existing, e.symbol(), "symbol");
            ConcludingObservationsAdoptedEvent co = existing.stream()
                    .filter(f -> f instanceof ConcludingObservationsAdoptedEvent c && c.symbol().equals(e.concludingObservations()))
                    .map(ConcludingObservationsAdoptedEvent.class::cast).findFirst()
                    .orElseThrow(() -> RegistryException.conflict("CONCLUDING_OBSERVATIONS_NOT_FOUND", "concludingObservations",
                            "no concluding observations " + e.concludingObservations() + " are recorded under " + opened.obligationId()));
            if (co.followUp().isEmpty()) {
                throw RegistryException.conflict("NO_FOLLOW_UP_REQUESTED", "concludingObservations",
                        co.symbol() + " asked for no follow-up information");
            }
            Require.notAfter(co.adoptedOn(), e.receivedOn(), "receivedOn", "follow-up information cannot precede the observations it follows up");
        } else if (fact instanceof DueDateRevisedEvent e) {
            List<ScheduleItem> schedule = ReportingSchedule.derive(existing, e.newDue().latest());
            ScheduleItem item = schedule.stream().filter(i -> i.itemId().equals(e.itemId())).findFirst()
                    .orElseThrow(() -> RegistryException.notFound("ITEM_NOT_FOUND", "itemId",
                            "no item '" + e.itemId() + "' in the schedule of " + opened.obligationId() + "; items are "
                                    + schedule.stream().map(ScheduleItem::itemId).toList()));
            if (item.submitted()) {
                throw RegistryException.conflict("ITEM_ALREADY_SUBMITTED", "itemId", e.itemId() + " was already submitted (" + item.submittedSymbol() + ")");
            }
            if (Objects.equals(item.due(), e.newDue())) {
                throw RegistryException.invalid("DUE_DATE_UNCHANGED", "newDue", e.itemId() + " is already due on " + e.newDue());
            }
            return new DueDateRevisedEvent(e.obligationId(), e.state(), e.instrument(), e.itemId(), item.due(), e.newDue(),
                    e.reason(), e.decisionSymbol(), e.source());
        }
        return fact;
    }

    /** Builds the fact from the command's own fields, checking only what needs no history. */
    private static ReportingFact build(ReportingCommand command, ReportingObligationOpenedEvent opened) {
        Require.present(command.state(), "state");
        Require.present(command.instrument(), "instrument");
        String id = command.obligationId();
        if (command instanceof RecordReportSubmissionCommand c) {
            return new ReportSubmittedEvent(id, c.state(), c.instrument(), Require.text(c.symbol(), "symbol"),
                    c.receivedOn(), Require.present(c.covers(), "covers"),
                    c.procedure() == null ? ReportingProcedure.STANDARD : c.procedure(), c.source());
        }
        if (command instanceof RecordListOfIssuesPriorToReportingCommand c) {
            return new ListOfIssuesPriorToReportingTransmittedEvent(id, c.state(), c.instrument(), Require.text(c.symbol(), "symbol"),
                    Require.present(c.transmittedOn(), "transmittedOn"), Require.present(c.replyDue(), "replyDue"),
                    Require.present(c.covers(), "covers"), c.source());
        }
        if (command instanceof RecordReviewCommand c) {
            Require.text(c.session(), "session");
            Require.present(c.startedOn(), "startedOn");
            Require.notAfter(c.startedOn(), c.endedOn(), "endedOn", "a review cannot end before it starts");
            List<String> symbols = c.reportSymbols() == null ? List.of() : c.reportSymbols();
            if (c.inAbsenceOfReport() && !symbols.isEmpty()) {
                throw RegistryException.invalid("REVIEW_REPORTS_INCONSISTENT", "reportSymbols", "a review in the absence of a report names no report");
            }
            if (!c.inAbsenceOfReport() && symbols.isEmpty()) {
                throw RegistryException.invalid("REVIEW_REPORTS_INCONSISTENT", "reportSymbols",
                        "name the report(s) reviewed, or mark the review as held in the absence of a report");
            }
            return new ReviewHeldEvent(id, c.state(), c.instrument(), c.session(), c.startedOn(), c.endedOn(), symbols,
                    c.inAbsenceOfReport(), c.source());
        }
        if (command instanceof RecordConcludingObservationsCommand c) {
            Require.text(c.symbol(), "symbol");
            Require.present(c.adoptedOn(), "adoptedOn");
            Require.text(c.reviewSession(), "reviewSession");
            if (c.nextReport() != null) {
                Require.present(c.nextReport().covers(), "nextReport.covers");
                Require.present(c.nextReport().due(), "nextReport.due");
            }
            List<FollowUpRequest> followUp = c.followUp() == null ? List.of() : c.followUp();
            for (int i = 0; i < followUp.size(); i++) {
                Require.present(followUp.get(i).due(), "followUp[" + i + "].due");
                Require.atMost(followUp.get(i).paragraphs(), 500, "followUp[" + i + "].paragraphs");
                Require.notAfter(c.adoptedOn(), followUp.get(i).due(), "followUp[" + i + "].due",
                        "follow-up cannot be due before the observations are adopted");
            }
            return new ConcludingObservationsAdoptedEvent(id, c.state(), c.instrument(), c.symbol(), c.adoptedOn(),
                    c.reviewSession(), c.nextReport(), followUp, c.source());
        }
        if (command instanceof RecordFollowUpSubmissionCommand c) {
            return new FollowUpInformationSubmittedEvent(id, c.state(), c.instrument(), Require.text(c.symbol(), "symbol"),
                    Require.present(c.receivedOn(), "receivedOn"), Require.text(c.concludingObservations(), "concludingObservations"),
                    c.source());
        }
        ReviseDueDateCommand c = (ReviseDueDateCommand) command;
        Require.atMost(c.decisionSymbol(), 200, "decisionSymbol");
        return new DueDateRevisedEvent(id, c.state(), c.instrument(), Require.text(c.itemId(), "itemId"), null,
                Require.present(c.newDue(), "newDue"), Require.text(c.reason(), "reason"), c.decisionSymbol(), c.source());
    }

    private static void guardSymbolUnused(List<ReportingFact> existing, String symbol, String field) {
        existing.stream().filter(f -> symbol.equals(symbolOf(f))).findFirst().ifPresent(f -> {
            throw RegistryException.conflict("SYMBOL_ALREADY_RECORDED", field,
                    symbol + " is already recorded (" + kindOf(f) + "); correct that fact instead of recording it again");
        });
    }

    private static void guardNotAlreadySubmitted(List<ReportingFact> existing, ReportCoverage covers, LocalDate horizon) {
        ReportingSchedule.derive(existing, horizon).stream()
                .filter(i -> i.kind() == ScheduleItem.Kind.REPORT && i.submitted() && i.covers().overlaps(covers))
                .findFirst().ifPresent(i -> {
                    throw RegistryException.conflict("REPORT_ALREADY_SUBMITTED", "covers",
                            "the " + i.label() + " (" + i.covers() + ") was already submitted as " + i.submittedSymbol());
                });
    }

    private static String symbolOf(ReportingFact fact) {
        if (fact instanceof ReportSubmittedEvent e) {
            return e.symbol();
        }
        if (fact instanceof ListOfIssuesPriorToReportingTransmittedEvent e) {
            return e.symbol();
        }
        if (fact instanceof ConcludingObservationsAdoptedEvent e) {
            return e.symbol();
        }
        if (fact instanceof FollowUpInformationSubmittedEvent e) {
            return e.symbol();
        }
        return null;
    }

    private static String dateField(ReportingFact fact) {
        if (fact instanceof ReportSubmittedEvent || fact instanceof FollowUpInformationSubmittedEvent) {
            return "receivedOn";
        }
        if (fact instanceof ListOfIssuesPriorToReportingTransmittedEvent) {
            return "transmittedOn";
        }
        if (fact instanceof ReviewHeldEvent) {
            return "startedOn";
        }
        return "adoptedOn";
    }

    private static String kindOf(ReportingFact fact) {
        return fact.getClass().getSimpleName().replace("Event", "");
    }

    @EventSourcingHandler
    void on(ReportingObligationOpenedEvent event) {
        obligationId = event.obligationId();
        facts.record(event);
    }

    @EventSourcingHandler
    void on(ReportSubmittedEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(ListOfIssuesPriorToReportingTransmittedEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(ReviewHeldEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(ConcludingObservationsAdoptedEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(FollowUpInformationSubmittedEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(DueDateRevisedEvent event) {
        facts.record(event);
    }

    @EventSourcingHandler
    void on(ReportingFactCorrectedEvent event) {
        facts.replace(event.correctsSequence(), event.replacement());
    }

    /** The schedule as of {@code horizon}, for tests that assert state. */
    List<ScheduleItem> schedule(LocalDate horizon) {
        return ReportingSchedule.derive(facts.effective(), horizon);
    }
}
