package org.treatyregistry.api.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.treatyregistry.projections.Projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.history.HistoryProjection;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.annotation.Value;
import org.treatyregistry.core.shared.RegistryException;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;

/**
 * Rebuilds the read models from the event store and reports how far they are.
 */
@Service
public class ProjectionAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final BulkRebuild bulk;
    private final FactRepository facts;
    // how long a claim on a segment lasts unless its owner renews it (the token store's, Axon's default 10 s)
    private final Duration claimTimeout;
    private final AtomicLong bulkProcessed = new AtomicLong();
    private final ExecutorService bulkWorker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry-bulk-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean bulkRunning;
    private volatile long bulkHead;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc, Serializer serializer,
                           TokenStore tokens, TransactionManager transactions, ObjectProvider<EventStorageEngine> storage, DataSource dataSource,
                           @Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper json, FactRepository facts,
                           FactProjection projection, HistoryProjection history, ApplicationContext context,
                           @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.claimTimeout = claimTimeout;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokens = tokens;
        this.transactions = transactions;
        this.facts = facts;
        // the bulk path reads the JDBC store's table and decodes payloads without upcasting: with Axon Server, or once
        // an upcaster exists, rebuilds go through the processor (which applies the upcaster chain)
        boolean bulkPossible = storage.getIfAvailable() instanceof JdbcEventStorageEngine && context.getBeansOfType(EventUpcaster.class).isEmpty();
        this.bulk = bulkPossible ? new BulkRebuild(dataSource, eventSerializer, json, facts, projection, history, bulkProcessed) : null;
    }

    /**
     * Rows of projected_fact that leave their payload to the event store (FactRepository) can only be read while that
     * store is in this database and no upcaster reinterprets stored payloads. If either changed since they were
     * written, the read models are rebuilt at start, so that every row carries its JSON again.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfFactsReferToEventsTheyCannotUse() {
        if (!facts.referencesEventPayloads()
                && Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projected_fact WHERE payload IS NULL)", Boolean.class))) {
            LOG.warn("the read models refer to event payloads in the JDBC event store, which this configuration does not read"
                    + " them from (Axon Server, or an upcaster): rebuilding them");
            try {
                rebuild();
            } catch (RuntimeException e) {
                // another instance holds the processor's segments (instances of the old configuration still running):
                // starting anyway keeps the rest of the registry up; the facts it cannot read fail with this advice
                LOG.error("could not rebuild the read models at start; stop the other instances, then call"
                        + " POST /api/admin/projections/rebuild", e);
            }
        }
    }

    /**
     * Rebuilds every read model from the event store. On the JDBC store this is a bulk rebuild (see {@link BulkRebuild})
     * in the background, after which the processor resumes from the last event it read; otherwise, or when other
     * instances hold the processor's segments, the processor replays the store from the start.
     */
    public synchronized ProjectionStatus rebuild() {
        if (bulkRunning) {
            return status();
        }
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        int claimedElsewhere = liveClaimsElsewhere();
        if (bulk == null || claimedElsewhere > 0) {
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException e) {
                // a live instance took a segment meanwhile: this one goes on projecting, and says why it cannot rebuild
                processor.start();
                throw RegistryException.conflict("SEGMENTS_CLAIMED", "processor",
                        "another running instance holds the projection processor's segments (" + e.getMessage()
                                + "); stop the other instances, then ask for the rebuild again");
            }
            processor.start();
            awaitReplayStarted(Duration.ofSeconds(10));
            return status();
        }
        bulkProcessed.set(0);
        bulkHead = head();
        bulkRunning = true;
        bulkWorker.submit(this::runBulk);
        return status();
    }

    /**
     * The processor's segments claimed by another instance that is running. A crashed instance's claims stay in the
     * table until they lapse (the token store's claim timeout, 10 s unless configured): a rebuild asked for right after a
     * restart used to find them, try to take the tokens over, and fail (500). So claims are watched until they lapse
     * (no owner left: 0) or outlive the timeout while their owner keeps them fresh (a live instance).
     */
    private int liveClaimsElsewhere() {
        pollUntil(claimTimeout.plusSeconds(1), 250, () -> freshClaimsElsewhere() == 0);
        return freshClaimsElsewhere();
    }

    private int freshClaimsElsewhere() {
        // the token store stamps its claims with Axon's clock: the same clock reads them here
        Instant lapsedBefore = GenericEventMessage.clock.instant().minus(claimTimeout);
        return (int) jdbc.queryForList("SELECT token_timestamp FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                String.class, Projections.PROCESSING_GROUP).stream()
                .filter(stamp -> stamp == null || !Instant.parse(stamp).isBefore(lapsedBefore)).count();
    }

    /**
     * Checks {@code condition} every {@code everyMillis} until it holds or {@code timeout} has passed (then once more);
     * false if it never held, or if the thread was interrupted.
     */
    private static boolean pollUntil(Duration timeout, long everyMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /**
     * Runs a bulk load of events (an event-log import) with the projection processor stopped, then rebuilds the read
     * models from the store: projecting a million imported events one by one would take the processor minutes and
     * slow the import down, the bulk rebuild takes seconds. The rebuild runs even if the load fails part-way, so the
     * read models always match whatever the store holds.
     */
    public synchronized <T> T loadThenRebuild(Callable<T> load) throws Exception {
        processor().shutDown();
        try {
            return load.call();
        } finally {
            rebuild();
        }
    }

    private void runBulk() {
        StreamingEventProcessor processor = processor();
        try {
            long start = System.nanoTime();
            BulkRebuild.Result result = bulk.run();
            transactions.executeInTransaction(() -> {
                int[] segments = tokens.fetchSegments(Projections.PROCESSING_GROUP);
                if (segments.length == 0) {
                    tokens.initializeTokenSegments(Projections.PROCESSING_GROUP, 1, result.token());
                }
                for (int segment : segments) {
                    tokens.storeToken(result.token(), Projections.PROCESSING_GROUP, segment);
                    tokens.releaseClaim(Projections.PROCESSING_GROUP, segment);
                }
            });
            LOG.info("Rebuilt the read models from {} events in {} ms", result.events(), (System.nanoTime() - start) / 1_000_000);
            processor.start();
        } catch (Exception | Error e) {
            // the read models may be half written: let the processor replay the store the slow way instead
            LOG.error("The bulk rebuild failed; replaying the event store through the projection processor", e);
            processor.resetTokens();
            processor.start();
        } finally {
            bulkRunning = false;
        }
    }

    /** Until the restarted processor has claimed its segments, its status would still describe the old run. */
    private void awaitReplayStarted(Duration timeout) {
        pollUntil(timeout, 5, () -> !processor().processingStatus().isEmpty());
    }

    /**
     * Where the read models stand. Segments this instance processes are read from the processor itself (exact, at
     * once); segments another instance holds are read from the shared token store, where their claims write them at
     * least every {@code claimExtensionThreshold} (see AxonConfig). So the answer does not depend on which instance is
     * asked.
     */
    public ProjectionStatus status() {
        if (bulkRunning) {
            long head = bulkHead;
            return new ProjectionStatus(Projections.PROCESSING_GROUP, true, true, head, -1,
                    head <= 0 ? 0 : Math.min(1.0, (double) bulkProcessed.get() / head), false);
        }
        StreamingEventProcessor processor = processor();
        long head = head();
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        Map<Integer, TrackingToken> stored = new java.util.TreeMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", rs -> {
            byte[] token = rs.getBytes(2);
            stored.put(rs.getInt(1), token == null ? null : (TrackingToken) serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null)));
        }, Projections.PROCESSING_GROUP);
        long position = -1;
        boolean replaying = false;
        if (!stored.isEmpty()) {
            position = Long.MAX_VALUE;
            for (Map.Entry<Integer, TrackingToken> segment : stored.entrySet()) {
                EventTrackerStatus here = local.get(segment.getKey());
                TrackingToken token = here != null ? here.getTrackingToken() : segment.getValue();
                replaying |= here != null ? here.isReplaying() : ReplayToken.isReplay(token);
                position = Math.min(position, token == null ? -1 : token.position().orElse(-1));
            }
        }
        // not the replay flag: after a reset Axon keeps it at the head until a newer event arrives
        boolean caughtUp = head < 0 || (!stored.isEmpty() && position >= head);
        double progress = head <= 0 ? 1.0 : Math.max(0, Math.min(1.0, (double) position / head));
        return new ProjectionStatus(Projections.PROCESSING_GROUP, processor.isRunning(), replaying && !caughtUp, head, position,
                progress, caughtUp);
    }

    /**
     * Waits until the read models have processed every event that was in the store when asked, or the timeout passes.
     * Events appended meanwhile are not waited for: under a steady stream of writes the newest event is always a little
     * ahead of the read models, and a caller (read-your-writes after a command) needs only what came before it.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long target = head();
        return pollUntil(timeout, 10, () -> reached(target));
    }

    private boolean reached(long target) {
        ProjectionStatus status = status();
        return status.caughtUp() || status.position() >= target;
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + Projections.PROCESSING_GROUP));
    }
}
