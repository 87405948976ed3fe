package org.treatyregistry.projections.facts;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something kept per stream between batches of the live projection: the decoded facts of the streams it rewrote last
 * (FactProjection), so that the next event of a stream does not read and parse all of its facts again, or what a read
 * model worked out from them (RatificationStatusReadModel, which the bulk rebuild's calls fill as well). Least recently used out beyond {@code capacity}, and softly held: the collector takes
 * them back before the heap runs out. Whoever uses an entry checks it first: FactProjection against the table
 * ({@link FactRepository#extentsFrom}), and puts an entry only after its batch committed.
 */
public final class StreamCache<V> {

    private final Map<String, SoftReference<V>> streams;

    public StreamCache(int capacity) {
        this.streams = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SoftReference<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(String streamId) {
        SoftReference<V> held = streams.get(streamId);
        V kept = held == null ? null : held.get();
        if (held != null && kept == null) {
            streams.remove(streamId);
        }
        return kept;
    }

    public synchronized void put(String streamId, V kept) {
        streams.put(streamId, new SoftReference<>(kept));
    }

    /** The entry, taken out: whoever takes it is the only one using it until it is put back. */
    public synchronized V take(String streamId) {
        SoftReference<V> held = streams.remove(streamId);
        return held == null ? null : held.get();
    }

    public synchronized void remove(String streamId) {
        streams.remove(streamId);
    }

    public synchronized void clear() {
        streams.clear();
    }
}
