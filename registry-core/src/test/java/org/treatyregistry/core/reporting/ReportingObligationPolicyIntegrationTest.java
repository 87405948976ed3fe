package org.treatyregistry.core.reporting;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.CorrectParticipationFactCommand;
import org.treatyregistry.core.ratification.Participation;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.ratification.RecordRatificationCommand;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy wired as the application runs it: the Participation and ReportingObligation aggregates behind a
 * SimpleCommandBus, an in-memory event store, and the policy in a subscribing processor that propagates errors, so that
 * a ratification and the opening of its obligation are stored in one unit of work.
 */
class ReportingObligationPolicyIntegrationTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final Source UNTC = Source.document("UNTC");

    private EmbeddedEventStore eventStore;
    private CommandGateway gateway;
    private SubscribingEventProcessor processor;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        AggregateAnnotationCommandHandler.<Participation>builder()
                .aggregateType(Participation.class)
                .repository(EventSourcingRepository.builder(Participation.class).eventStore(eventStore).build())
                .build()
                .subscribe(commandBus);
        AggregateAnnotationCommandHandler.<ReportingObligation>builder()
                .aggregateType(ReportingObligation.class)
                .repository(EventSourcingRepository.builder(ReportingObligation.class).eventStore(eventStore).build())
                .build()
                .subscribe(commandBus);
        processor = SubscribingEventProcessor.builder()
                .name("reporting-obligation-policy")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new ReportingObligationPolicy(gateway))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(eventStore)
                .build();
        processor.start();
    }

    @AfterEach
    void tearDown() {
        processor.shutDown();
        eventStore.shutDown();
    }

    private static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    private List<Object> stream(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static RecordRatificationCommand ratifyIccpr(String deposit) {
        return new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, d(deposit), null, UNTC);
    }

    @Test
    void recordingARatificationOpensTheReportingObligation() {
        CommandOutcome outcome = gateway.sendAndWait(ratifyIccpr("2006-01-24"));

        assertThat(outcome).isEqualTo(CommandOutcome.recorded(ParticipationId.of(KAZ, ICCPR)));
        assertThat(stream(ObligationId.of(KAZ, ICCPR))).containsExactly(new ReportingObligationOpenedEvent(ObligationId.of(KAZ, ICCPR),
                KAZ, ICCPR, TreatyBodyCode.of("CCPR"), d("2006-04-24"), "ICCPR art. 49(2): three months after the date of deposit",
                d("2007-04-24"), "ICCPR art. 40(1): initial report within 1 year of entry into force (2006-04-24)"));
    }

    @Test
    void reportsCanBeRecordedUnderTheObligationTheRatificationOpened() {
        gateway.sendAndWait(ratifyIccpr("2006-01-24"));

        CommandOutcome outcome = gateway.sendAndWait(new RecordReportSubmissionCommand(KAZ, ICCPR, "CCPR/C/KAZ/1", d("2009-07-27"),
                ReportCoverage.single(1), ReportingProcedure.STANDARD, Source.document("CCPR/C/KAZ/1")));

        assertThat(outcome.result()).isEqualTo(CommandOutcome.Result.RECORDED);
        assertThat(stream(ObligationId.of(KAZ, ICCPR))).hasSize(2).last().isInstanceOf(ReportSubmittedEvent.class);
    }

    @Test
    void aRatificationOfAnInstrumentWithoutReportsOpensNothing() {
        gateway.sendAndWait(new RecordRatificationCommand(KAZ, InstrumentCode.of("ICCPR-OP2"), ConsentAction.RATIFICATION,
                d("2022-03-24"), null, UNTC));

        assertThat(stream(ParticipationId.of(KAZ, InstrumentCode.of("ICCPR-OP2")))).hasSize(1);
        assertThat(stream(ObligationId.of(KAZ, InstrumentCode.of("ICCPR-OP2")))).isEmpty();
    }

    @Test
    void correctingTheDepositMovesTheInitialDueDate() {
        gateway.sendAndWait(ratifyIccpr("2006-01-25"));

        gateway.sendAndWait(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "UNTC gives 24 January", UNTC, ratifyIccpr("2006-01-24")));

        List<Object> obligation = stream(ObligationId.of(KAZ, ICCPR));
        assertThat(obligation).hasSize(2);
        assertThat(obligation.get(1)).isInstanceOfSatisfying(ReportingFactCorrectedEvent.class, e -> {
            assertThat(e.correctsSequence()).isZero();
            assertThat(((ReportingObligationOpenedEvent) e.replacement()).initialReportDue()).isEqualTo(d("2007-04-24"));
        });
    }

    @Test
    void aRatificationCorrectionTheObligationRefusesIsNotStoredEither() {
        gateway.sendAndWait(ratifyIccpr("2006-01-24"));
        gateway.sendAndWait(new RecordReportSubmissionCommand(KAZ, ICCPR, "CCPR/C/KAZ/1", d("2009-07-27"),
                ReportCoverage.single(1), ReportingProcedure.STANDARD, null));

        // a deposit in 2010 would put entry into force after the report received in 2009
        assertThatThrownBy(() -> gateway.sendAndWait(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "wrong", UNTC,
                ratifyIccpr("2010-01-24"))))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo("ENTRY_INTO_FORCE_CONFLICT"));

        assertThat(stream(ParticipationId.of(KAZ, ICCPR))).singleElement().isInstanceOf(TreatyRatifiedEvent.class);
        assertThat(stream(ObligationId.of(KAZ, ICCPR))).hasSize(2);
    }
}
