package org.treatyregistry.api.config;

import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The aggregate caches, one per aggregate type (see {@link CheckedAggregateCache}), reachable for metrics and tests. */
public final class AggregateCaches {

    private final int capacity;
    private final Map<Class<?>, CheckedAggregateCache> byType = new ConcurrentHashMap<>();

    public AggregateCaches(int capacity) {
        this.capacity = capacity;
    }

    CheckedAggregateCache create(Class<?> type, EventStore store) {
        return byType.computeIfAbsent(type, t -> new CheckedAggregateCache(store::lastSequenceNumberFor, capacity));
    }

    /** The cache of the given aggregate type, once Axon has built its repository. */
    public Optional<CheckedAggregateCache> of(Class<?> type) {
        return Optional.ofNullable(byType.get(type));
    }
}
