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
import java.util.List;
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

    public ProjectionStatus status() {
        StreamingEventProcessor processor = processor();
        long head = head();
        List<TrackingToken> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, i) -> rs.getBytes(1) == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                Projections.PROCESSING_GROUP);
        long position = -1;
        boolean replaying = false;
        if (!tokens.isEmpty()) {
            position = Long.MAX_VALUE;
            for (TrackingToken token : tokens) {
                replaying |= ReplayToken.isReplay(token);
                position = Math.min(position, token == null ? -1 : token.position().orElse(-1));
            }
        }
        // not the replay flag: after a reset Axon keeps it at the head until a newer event arrives
        boolean caughtUp = head < 0 || (!tokens.isEmpty() && position >= head);
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
