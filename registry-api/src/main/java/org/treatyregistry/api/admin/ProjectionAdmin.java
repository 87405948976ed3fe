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
import org.treatyregistry.projections.Projections;

import java.time.Duration;
import java.util.Map;

/**
 * Rebuilds the read models from the event store and reports how far they are. A rebuild is: stop the processor, reset
 * its tokens (the read models' reset handlers empty their tables), start it again; it then replays the whole store.
 */
@Service
public class ProjectionAdmin {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc, Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public synchronized ProjectionStatus rebuild() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitReplayStarted(Duration.ofSeconds(10));
        return status();
    }

    /** Until the restarted processor has claimed its segments, its status would still describe the old run. */
    private void awaitReplayStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> segments = processor().processingStatus();
            if (!segments.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the read models stand. Segments this instance processes are read from the processor itself (exact, at
     * once); segments another instance holds are read from the shared token store, where their claims write them at
     * least every {@code claimExtensionThreshold} (see AxonConfig). So the answer does not depend on which instance is
     * asked.
     */
    public ProjectionStatus status() {
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

    /** Waits until the read models have processed every event in the store, or the timeout passes. */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status().caughtUp()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return status().caughtUp();
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
