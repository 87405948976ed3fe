package org.treatyregistry.api.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * processor (the projections) finds new events only at its next round, every 500 ms (its claim-extension threshold,
 * AxonConfig), and a recording over the API, which answers once the read models show it, took ~0.5 s. The callback
 * makes the processor look at once: it runs a few times in the 200 ms after each wake-up (the store's producer
 * fetches the events on a thread of its own, so the first call may come too early) and every {@value #TICK_MILLIS} ms
 * in any case. The processor's own 500 ms rounds go on, so a callback that comes too early costs no more than the
 * wait there was before; the tick keeps that bound should the rounds be made longer.
 */
final class SealedEventStore extends EmbeddedEventStore {

    private static final Logger LOG = LoggerFactory.getLogger(SealedEventStore.class);
    static final long TICK_MILLIS = 500;
    // after a wake-up, when to tell the readers: the producer fetches within milliseconds, or later under load
    private static final long[] AFTER_WAKE_MILLIS = {2, 10, 50, 200};
    private static final long ROUND_COVERS_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final boolean sealedInRuns;
    private final Set<Reader> readers = ConcurrentHashMap.newKeySet();
    // when the last round of callbacks began (System.nanoTime)
    private final AtomicLong roundBegun = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
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

    /** Whether appends leave waking the readers to the sealer's runs. */
    boolean sealedInRuns() {
        return sealedInRuns;
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
        long now = System.nanoTime();
        long begun = roundBegun.get();
        // a round begun in the last 2 ms covers this wake-up too (its calls all come after it, spread alike); a later
        // wake-up begins a round of its own, so none is left with only the tail of an earlier round
        if (now - begun < ROUND_COVERS_NANOS || !roundBegun.compareAndSet(begun, now)) {
            return;
        }
        try {
            for (long delay : AFTER_WAKE_MILLIS) {
                callbacks.schedule(this::tellReaders, delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException shutDown) {
            // the store is shutting down: nobody left to tell
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
                    LOG.warn("an event stream's availability callback failed", e);
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
