package org.treatyregistry.api.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the store wakes its streaming readers. The storage engine here makes an event readable at once, so a reader
 * that sees it before the seal was woken by the append itself.
 */
class SealedEventStoreTest {

    // far longer than the test: a reader that sees an event was woken, it did not poll
    private static final long POLL_SECONDS = 60;

    @Test
    void whereTheSealerLinksInRunsReadersAreWokenByTheSealNotByTheAppend() throws Exception {
        SealedEventStore store = store(true);
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null)) {
            assertThat(reader.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            store.publish(GenericEventMessage.asEventMessage("appended"));
            assertThat(reader.hasNextAvailable(1, TimeUnit.SECONDS)).as("woken by the append").isFalse();
            store.sealed();
            assertThat(reader.hasNextAvailable(5, TimeUnit.SECONDS)).as("woken by the seal").isTrue();
            assertThat(reader.nextAvailable().getPayload()).isEqualTo("appended");
        } finally {
            store.shutDown();
        }
    }

    @Test
    void whereAppendsLinkTheirOwnEventsReadersAreWokenByTheAppend() throws Exception {
        SealedEventStore store = store(false);
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null)) {
            assertThat(reader.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
            store.publish(GenericEventMessage.asEventMessage("appended"));
            assertThat(reader.hasNextAvailable(5, TimeUnit.SECONDS)).as("woken by the append").isTrue();
            assertThat(reader.nextAvailable().getPayload()).isEqualTo("appended");
        } finally {
            store.shutDown();
        }
    }

    private static SealedEventStore store(boolean sealedInRuns) {
        return new SealedEventStore(EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .fetchDelay(TimeUnit.SECONDS.toMillis(POLL_SECONDS)), sealedInRuns);
    }
}
