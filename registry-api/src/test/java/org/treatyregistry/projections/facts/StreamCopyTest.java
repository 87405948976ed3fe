package org.treatyregistry.projections.facts;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.ParticipationId;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;
import org.treatyregistry.projections.Projections;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live projection keeps each stream's decoded facts between batches. Two projections on one database stand for two
 * instances whose processors took turns on a stream: a copy made before the other one projected part of the stream must
 * not be trusted.
 */
class StreamCopyTest {

    @TempDir
    Path dir;

    @Test
    void aKeptStreamIsReadAnewOnceAnotherProcessorProjectedPartOfIt() {
        try (RunningRegistry registry = RunningRegistry.embedded(dir, true).start()) {
            List<? extends DomainEventMessage<?>> declarations = declarations(registry, 3);
            String stream = declarations.get(0).getAggregateIdentifier();

            FactProjection first = newProjection(registry);
            FactProjection second = newProjection(registry);
            project(first, declarations.get(0));   // reads the stream and keeps it
            project(second, declarations.get(1));  // the other instance
            project(first, declarations.get(2));   // its copy lacks the second declaration

            String reservations = registry.jdbc().queryForObject(
                    "SELECT reservations FROM participation_status WHERE participation_id = ?", String.class, stream);
            assertThat(reservations).contains("declaration number 1", "declaration number 2", "declaration number 3");
        }
    }

    @Test
    void aKeptStreamWhoseLastRowIsGoneIsReadAnew() {
        try (RunningRegistry registry = RunningRegistry.embedded(dir, true).start()) {
            List<? extends DomainEventMessage<?>> declarations = declarations(registry, 2);
            FactProjection projection = newProjection(registry);
            project(projection, declarations.get(0));
            // a row taken out from under the copy (by hand: the projection never deletes one row of a stream)
            registry.jdbc().update("DELETE FROM projected_fact WHERE stream_id = ? AND sequence_number = ?",
                    declarations.get(0).getAggregateIdentifier(), declarations.get(0).getSequenceNumber());
            project(projection, declarations.get(1));

            String reservations = registry.jdbc().queryForObject(
                    "SELECT reservations FROM participation_status WHERE participation_id = ?", String.class,
                    declarations.get(0).getAggregateIdentifier());
            assertThat(reservations).as("the rows follow the table, not the copy")
                    .contains("declaration number 2").doesNotContain("declaration number 1");
        }
    }

    /** Records {@code count} declarations on Kazakhstan's ICCPR participation, with the registry's processor stopped. */
    private static List<? extends DomainEventMessage<?>> declarations(RunningRegistry registry, int count) {
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
        registry.bean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
        StateCode kaz = StateCode.of("KAZ");
        InstrumentCode iccpr = InstrumentCode.of("ICCPR");
        CommandGateway commands = registry.bean(CommandGateway.class);
        for (int i = 1; i <= count; i++) {
            commands.sendAndWait(new RecordReservationCommand(kaz, iccpr, "declaration number " + i, ReservationKind.DECLARATION,
                    "2", "Text " + i, LegalDate.ofDay(LocalDate.of(2024, 5, i)), Source.document("C.N." + i + ".2024.TREATIES")));
        }
        List<? extends DomainEventMessage<?>> events = registry.bean(EventStore.class)
                .readEvents(ParticipationId.of(kaz, iccpr)).asStream().toList();
        return events.subList(events.size() - count, events.size());
    }

    private static FactProjection newProjection(RunningRegistry registry) {
        return new FactProjection(registry.bean(FactRepository.class), registry.bean(FactProjection.class).readModels(), registry.jdbc());
    }

    private static void project(FactProjection projection, DomainEventMessage<?> event) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        batch.execute(() -> projection.on(event.getPayload(), event, event.getTimestamp(), "test", batch));
    }
}
