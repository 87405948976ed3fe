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
            assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            // the registry's own processor stopped: the two projections below are the only ones
            registry.bean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
            StateCode kaz = StateCode.of("KAZ");
            InstrumentCode iccpr = InstrumentCode.of("ICCPR");
            String stream = ParticipationId.of(kaz, iccpr);
            CommandGateway commands = registry.bean(CommandGateway.class);
            for (int i = 1; i <= 3; i++) {
                commands.sendAndWait(new RecordReservationCommand(kaz, iccpr, "declaration number " + i, ReservationKind.DECLARATION,
                        "2", "Text " + i, LegalDate.ofDay(LocalDate.of(2024, 5, i)), Source.document("C.N." + i + ".2024.TREATIES")));
            }
            List<? extends DomainEventMessage<?>> events = registry.bean(EventStore.class).readEvents(stream).asStream().toList();
            List<? extends DomainEventMessage<?>> declarations = events.subList(events.size() - 3, events.size());

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

    private static FactProjection newProjection(RunningRegistry registry) {
        return new FactProjection(registry.bean(FactRepository.class), registry.bean(FactProjection.class).readModels(), registry.jdbc());
    }

    private static void project(FactProjection projection, DomainEventMessage<?> event) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        batch.execute(() -> projection.on(event.getPayload(), event, event.getTimestamp(), "test", batch));
    }
}
