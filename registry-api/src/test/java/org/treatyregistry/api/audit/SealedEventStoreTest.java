package org.treatyregistry.api.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the store's producer (which reads new events for the streaming readers) queries the storage engine, counted on
 * the engine with a reader open but left alone after its first look, so that every query counted after it is the
 * producer's; and when a reader that registered an availability callback is told.
 */
class SealedEventStoreTest {

    // far longer than the test: a query in it was a wake-up, not the producer's poll
    private static final long POLL_SECONDS = 60;

    @Test
    void whereTheSealerLinksInRunsTheProducerQueriesOnTheSealNotOnTheAppend() throws Exception {
        CountingEngine engine = new CountingEngine();
        SealedEventStore store = store(engine, true, SealedEventStore.TICK_MILLIS);
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null)) {
            int settled = settled(reader, engine);
            store.publish(GenericEventMessage.asEventMessage("appended"));
            Thread.sleep(500);
            assertThat(engine.reads.get()).as("queries after the append").isEqualTo(settled);
            store.sealed();
            readsTheAppendAfterAQuery(reader, engine, settled);
        } finally {
            store.shutDown();
        }
    }

    @Test
    void whereAppendsLinkTheirOwnEventsTheProducerQueriesOnTheAppend() throws Exception {
        CountingEngine engine = new CountingEngine();
        SealedEventStore store = store(engine, false, SealedEventStore.TICK_MILLIS);
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null)) {
            int settled = settled(reader, engine);
            store.publish(GenericEventMessage.asEventMessage("appended"));
            readsTheAppendAfterAQuery(reader, engine, settled);
        } finally {
            store.shutDown();
        }
    }

    /**
     * A reader (the projection processor) is told when events can be read: after the seal, with the store's regular
     * tick pushed out of the test, the callback comes; after a mere append, where the sealer links in runs, it does not.
     * (That the processor then finds the events sooner is measured by the benchmark, not asserted here.)
     */
    @Test
    void aReaderIsToldOnceTheEventsItCanReadAreSealed() throws Exception {
        SealedEventStore store = store(new InMemoryEventStorageEngine(), true, TimeUnit.SECONDS.toMillis(POLL_SECONDS));
        try (BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null)) {
            AtomicInteger told = new AtomicInteger();
            assertThat(reader.setOnAvailableCallback(told::incrementAndGet)).as("callback taken").isTrue();
            store.publish(GenericEventMessage.asEventMessage("appended"));
            Thread.sleep(500);
            assertThat(told.get()).as("told after the append alone").isZero();
            store.sealed();
            awaitAtLeast(told, 4);
            Thread.sleep(300);
            assertThat(told.get()).as("told after the seal: one round of calls").isEqualTo(4);
            assertThat(reader.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            store.shutDown();
        }
    }

    /** Told also without any wake-up, every tick: a reader never waits longer than Axon's own 500 ms look. */
    @Test
    void aReaderIsToldEveryTickAndNoLongerOnceClosed() throws Exception {
        SealedEventStore store = store(new InMemoryEventStorageEngine(), true, 50);
        try {
            BlockingStream<TrackedEventMessage<?>> reader = store.openStream(null);
            AtomicInteger told = new AtomicInteger();
            reader.setOnAvailableCallback(told::incrementAndGet);
            awaitAtLeast(told, 3);
            assertThat(told.get()).as("ticks").isGreaterThanOrEqualTo(3);
            reader.close();
            Thread.sleep(100);
            int atClose = told.get();
            Thread.sleep(300);
            assertThat(told.get()).as("told after closing").isEqualTo(atClose);
        } finally {
            store.shutDown();
        }
    }

    /** The producer queries once more than {@code settled}, and the reader gets the event appended. */
    private static void readsTheAppendAfterAQuery(BlockingStream<TrackedEventMessage<?>> reader, CountingEngine engine, int settled)
            throws InterruptedException {
        awaitReads(engine, settled + 1);
        assertThat(reader.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.nextAvailable().getPayload()).isEqualTo("appended");
    }

    private static void awaitReads(CountingEngine engine, int atLeast) throws InterruptedException {
        awaitAtLeast(engine.reads, atLeast);
        assertThat(engine.reads.get()).as("queries").isGreaterThanOrEqualTo(atLeast);
    }

    /** Waits, up to 5 s, until {@code counter} reaches {@code atLeast}. */
    private static void awaitAtLeast(AtomicInteger counter, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (counter.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The reader's first look starts the producer (and may read by itself); then it is left alone. */
    private static int settled(BlockingStream<TrackedEventMessage<?>> reader, CountingEngine engine) throws InterruptedException {
        assertThat(reader.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        return engine.settled();
    }

    private static SealedEventStore store(EventStorageEngine engine, boolean sealedInRuns, long tickMillis) {
        return new SealedEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(TimeUnit.SECONDS.toMillis(POLL_SECONDS)), sealedInRuns, tickMillis);
    }

    private static final class CountingEngine extends InMemoryEventStorageEngine {
        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return super.readEvents(trackingToken, mayBlock);
        }

        /** The number of queries once the producer, started by the reader, has made its first and waits. */
        int settled() throws InterruptedException {
            awaitReads(this, 1);
            Thread.sleep(300);
            return reads.get();
        }
    }
}
