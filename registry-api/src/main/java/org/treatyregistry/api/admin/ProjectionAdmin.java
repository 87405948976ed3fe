package org.treatyregistry.api.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
    private final TokenStore tokenStore;

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
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
            if (!segments.isEmpty() && allSegmentsClaimed(segments)) {
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
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = -1;
        boolean replaying = false;
        if (!segments.isEmpty()) {
            position = Long.MAX_VALUE;
            for (EventTrackerStatus segment : segments.values()) {
                replaying |= segment.isReplaying();
                long p = segment.getCurrentPosition().orElse(-1);
                position = Math.min(position, p);
            }
        }
        // not isReplaying(): after a reset Axon keeps the replay flag at the head until a newer event arrives
        boolean caughtUp = head < 0 || (!segments.isEmpty() && position >= head && allSegmentsClaimed(segments));
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

    /** Every segment the token store knows is being processed: an unclaimed segment has not caught up. */
    private boolean allSegmentsClaimed(Map<Integer, EventTrackerStatus> segments) {
        int[] known = tokenStore.fetchSegments(Projections.PROCESSING_GROUP);
        return known.length > 0 && segments.keySet().containsAll(java.util.Arrays.stream(known).boxed().toList());
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
