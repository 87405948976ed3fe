package org.treatyregistry.api.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Aggregates kept in memory between commands, so that a command does not read and decode its aggregate's whole stream
 * again; each one is checked against the event store when what the command did depends on it.
 * <p>
 * Axon's caching repository trusts its cache: with two instances on one database, or after an event-log import, a
 * cached aggregate can miss events another writer appended. A command judged on it may then be wrong in two ways, and
 * each is caught:
 * <ul>
 *   <li>it appends: its first event takes the sequence number after the cached version, which the store already holds,
 *   so the store's unique key refuses the append (a {@code ConcurrencyException}), Axon drops the entry as the unit of
 *   work rolls back, and {@link ConflictRetry} sends the command again, judged on the aggregate read anew;</li>
 *   <li>it appends nothing (it was refused, or found its fact already recorded): nothing in the store would notice, so
 *   {@link CachedAggregateVerification} compares the stream's last sequence number in the store with the version the
 *   cache handed out ({@link #verify}); behind it, the entry is dropped and the command goes again the same way.</li>
 * </ul>
 * A command that appends, the common case, so costs no read of the store (checking every lookup cost a round trip and
 * ~0.016 ms of the server per command: docs/performance.md). A lookup outside a unit of work, which nothing could
 * verify afterwards, is checked at once; so is every lookup with Axon Server (see the constructor).
 * <p>
 * Bounded in two ways, because an obligation's aggregate grows with its history: at most {@code capacity} entries,
 * least recently used first out, and every entry softly referenced, so the collector reclaims them before the heap
 * runs out.
 */
public final class CheckedAggregateCache implements Cache {

    private final Function<String, Optional<Long>> lastSequenceNumber;
    private final boolean checkEveryLookup;
    private final Map<Object, Entry> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder outdated = new LongAdder();
    private final LongAdder checks = new LongAdder();

    private record Entry(SoftReference<Object> value, Long version) {
    }

    /** A cache that checks its entries when a command's answer rests on them (see the class comment). */
    public CheckedAggregateCache(Function<String, Optional<Long>> lastSequenceNumber, int capacity) {
        this(lastSequenceNumber, capacity, false);
    }

    /**
     * @param lastSequenceNumber the store's last sequence number of an aggregate's stream (Axon's
     *                           {@code EventStore#lastSequenceNumberFor})
     * @param capacity           the most aggregates kept
     * @param checkEveryLookup   check each entry when it is looked up, before the command runs: for Axon Server, which
     *                           refuses a stale append only once the command's unit of work commits (after the policy
     *                           has sent its own commands, committed on their own) and reports it as a remote failure
     *                           that {@link ConflictRetry} cannot recognise
     */
    public CheckedAggregateCache(Function<String, Optional<Long>> lastSequenceNumber, int capacity, boolean checkEveryLookup) {
        this.checkEveryLookup = checkEveryLookup;
        if (capacity < 1) {
            throw new IllegalArgumentException("the aggregate cache needs room for at least one aggregate, not " + capacity);
        }
        this.lastSequenceNumber = lastSequenceNumber;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                if (size() > capacity) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                    return true;
                }
                return false;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            misses.increment();
            return null;
        }
        Object value = entry.value().get();
        boolean usable = value != null && entry.version() != null;
        if (usable && !checkEveryLookup && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().getOrComputeResource(SERVED, k -> new ArrayList<Served>()).add(new Served(this, key, entry));
        } else if (usable) {
            usable = current(key, entry);
        }
        if (!usable) {
            drop(key, entry);
            return null;
        }
        hits.increment();
        listeners.forEach(l -> l.onEntryRead(key, value));
        return (V) value;
    }

    /** The resource of a unit of work that lists the entries handed out to it. */
    private static final String SERVED = CheckedAggregateCache.class.getName() + ".served";

    private record Served(CheckedAggregateCache cache, Object key, Entry entry) {
    }

    /**
     * Whether every aggregate this cache (or another of its kind) handed out to the unit of work was still the store's
     * latest; the entries found behind it are dropped. For a command that appended nothing: see the class comment.
     * (The store's answer counts the unit of work's own events not yet appended: a command that staged events and then
     * failed is taken for stale, which costs it only a second attempt.)
     */
    static boolean verify(UnitOfWork<?> unitOfWork) {
        List<Served> served = unitOfWork.getResource(SERVED);
        boolean allCurrent = true;
        if (served != null) {
            for (Served s : served) {
                if (!s.cache().current(s.key(), s.entry())) {
                    s.cache().drop(s.key(), s.entry());
                    allCurrent = false;
                }
            }
        }
        return allCurrent;
    }

    private boolean current(Object key, Entry entry) {
        checks.increment();
        return lastSequenceNumber.apply(key.toString()).map(entry.version()::equals).orElse(false);
    }

    private void drop(Object key, Entry entry) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key, entry);
        }
        if (removed) {
            outdated.increment();
            listeners.forEach(l -> l.onEntryExpired(key));
        }
    }

    @Override
    public void put(Object key, Object value) {
        Entry previous;
        synchronized (entries) {
            previous = entries.put(key, new Entry(new SoftReference<>(value), versionOf(value)));
        }
        listeners.forEach(l -> {
            if (previous == null) {
                l.onEntryCreated(key, value);
            } else {
                l.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            Entry existing = entries.get(key);
            if (existing != null && existing.value().get() != null) {
                return false;
            }
            entries.put(key, new Entry(new SoftReference<>(value), versionOf(value)));
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null) {
            return existing;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V existing = get(key);
        if (existing == null) {
            return;
        }
        V updated = update.apply(existing);
        if (updated == null) {
            remove(key);
        } else {
            put(key, updated);
        }
    }

    @Override
    public boolean remove(Object key) {
        Entry removed;
        synchronized (entries) {
            removed = entries.remove(key);
        }
        if (removed != null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed != null;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = List.copyOf(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            Entry entry = entries.get(key);
            return entry != null && entry.value().get() != null;
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Lookups answered from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups of aggregates not held. */
    public long misses() {
        return misses.sum();
    }

    /** Reads of a stream's last sequence number in the store, to check an entry. */
    public long checks() {
        return checks.sum();
    }

    /** Entries found behind the store (or reclaimed by the collector), and dropped. */
    public long outdated() {
        return outdated.sum();
    }

    /** The number of aggregates held (entries the collector cleared included, until they are next looked up). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * The version of the aggregate a cache entry holds. Axon's entry keeps the live aggregate it was made from (a
     * transient field, present in an in-memory cache), whose version is the sequence number of its last event. An entry
     * without it is never trusted.
     */
    private static Long versionOf(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return null;
        }
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            return aggregate == null ? null : aggregate.version();
        } catch (RuntimeException withoutLiveAggregate) {
            // a deserialised entry would need the model to be rebuilt: not this cache's case, and never trusted
            return null;
        }
    }
}
