package org.treatyregistry.api.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

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
 */
final class SealedEventStore extends EmbeddedEventStore {

    private final boolean sealedInRuns;

    SealedEventStore(Builder builder, boolean sealedInRuns) {
        super(builder);
        this.sealedInRuns = sealedInRuns;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!sealedInRuns) {
            super.afterCommit(events);
        }
    }

    /** Events were sealed: readers waiting for the next event may read them now. */
    void sealed() {
        super.afterCommit(List.of());
    }
}
