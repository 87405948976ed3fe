package org.treatyregistry.api.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Axon's embedded event store, its streaming readers woken when there is something for them to read.
 * <p>
 * Axon wakes them after every append's commit. Where a {@link ChainSealer} links events in runs of its own
 * (PostgreSQL), readers see an event only once it is sealed, so that wake-up found nothing, at the cost of two queries
 * (the read, then the look for the next index): in the benchmark's appends, about one of each for every two commands.
 * There the sealer's wake-up is the only one: after any run that found the chain's head further on, whichever
 * instance's sealer moved it (ChainSealer#onSealed). Axon's poll (every second) stays as the fallback. Where appends
 * link their events in their own transaction (the embedded H2 store), they are readable at commit, and the append's
 * wake-up stays.
 * <p>
 * The streams it opens also take an availability callback, which Axon's own do not: without one, an idle pooled
 * processor (the projections) looked for new events every 500 ms, so that a recording waited ~0.3 s on average for its
 * read models. The callback runs shortly after each wake-up (a few times, as the store's producer fetches the events
 * on a thread of its own) and every {@value #TICK_MILLIS} ms in any case, so a reader never waits longer than it did.
 */
final class SealedEventStore extends EmbeddedEventStore {

    static final long TICK_MILLIS = 500;
    // after a wake-up, when to tell the readers: the producer fetches within milliseconds, or later under load
    private static final long[] AFTER_WAKE_MILLIS = {2, 10, 50, 200};

    private final boolean sealedInRuns;
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService callbacks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "event-store-readers");
        thread.setDaemon(true);
        return thread;
    });

    SealedEventStore(Builder builder, boolean sealedInRuns) {
        this(builder, sealedInRuns, TICK_MILLIS);
    }

    SealedEventStore(Builder builder, boolean sealedInRuns, long tickMillis) {
        super(builder);
        this.sealedInRuns = sealedInRuns;
        callbacks.scheduleWithFixedDelay(this::tellReaders, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!sealedInRuns) {
            super.afterCommit(events);
            wakeReaders();
        }
    }

    /** Events were sealed: readers waiting for the next event may read them now. */
    void sealed() {
        super.afterCommit(List.of());
        wakeReaders();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        Reader reader = new Reader(super.openStream(trackingToken));
        readers.add(reader);
        return reader;
    }

    @Override
    public void shutDown() {
        callbacks.shutdownNow();
        super.shutDown();
    }

    private void wakeReaders() {
        // one round of callbacks at a time: wake-ups during a round are covered by its later callbacks
        if (wakeScheduled.compareAndSet(false, true)) {
            try {
                for (int i = 0; i < AFTER_WAKE_MILLIS.length; i++) {
                    boolean last = i == AFTER_WAKE_MILLIS.length - 1;
                    callbacks.schedule(() -> {
                        if (last) {
                            wakeScheduled.set(false);
                        }
                        tellReaders();
                    }, AFTER_WAKE_MILLIS[i], TimeUnit.MILLISECONDS);
                }
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                wakeScheduled.set(false);
            }
        }
    }

    private void tellReaders() {
        readers.forEach(Reader::tell);
    }

    /** A stream of the store, with the availability callback its readers may register. */
    private final class Reader implements TrackingEventStream {
        private final TrackingEventStream stream;
        private volatile Runnable callback;

        Reader(TrackingEventStream stream) {
            this.stream = stream;
        }

        void tell() {
            Runnable c = callback;
            if (c != null) {
                try {
                    c.run();
                } catch (RuntimeException e) {
                    // a reader's failure is its own: the others are still told
                    org.slf4j.LoggerFactory.getLogger(SealedEventStore.class).warn("an event stream's availability callback failed", e);
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            readers.remove(this);
            callback = null;
            stream.close();
        }
    }
}
