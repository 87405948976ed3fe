package org.treatyregistry.api.config;

import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The aggregate caches, one per aggregate type (see {@link CheckedAggregateCache}), reachable for metrics and tests. */
public final class AggregateCaches {

    private final int capacity;
    private final boolean checkEveryLookup;
    private final Map<Class<?>, CheckedAggregateCache> byType = new ConcurrentHashMap<>();

    /** @param checkEveryLookup see {@link CheckedAggregateCache#CheckedAggregateCache(java.util.function.Function, int, boolean)} */
    public AggregateCaches(int capacity, boolean checkEveryLookup) {
        this.capacity = capacity;
        this.checkEveryLookup = checkEveryLookup;
    }

    CheckedAggregateCache create(Class<?> type, EventStore store) {
        return byType.computeIfAbsent(type, t -> new CheckedAggregateCache(store::lastSequenceNumberFor, capacity, checkEveryLookup));
    }

    /** The cache of the given aggregate type, once Axon has built its repository. */
    public Optional<CheckedAggregateCache> of(Class<?> type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Drops every cached aggregate of every type. */
    public void clear() {
        byType.values().forEach(CheckedAggregateCache::removeAll);
    }
}
