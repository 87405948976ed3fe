package org.treatyregistry.projections.facts;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded facts of the streams the live projection rewrote last, so that the next event of a stream does not read
 * and parse all of its facts again. Least recently used out beyond {@code capacity}, and softly held: the collector
 * takes them back before the heap runs out. Whoever uses an entry checks it against the table first
 * ({@link FactRepository#extentsFrom}); an entry is put only after its batch committed.
 */
final class StreamCache {

    private final Map<String, SoftReference<List<StoredFact>>> streams;

    StreamCache(int capacity) {
        this.streams = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SoftReference<List<StoredFact>>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized List<StoredFact> get(String streamId) {
        SoftReference<List<StoredFact>> held = streams.get(streamId);
        List<StoredFact> rows = held == null ? null : held.get();
        if (held != null && rows == null) {
            streams.remove(streamId);
        }
        return rows;
    }

    synchronized void put(String streamId, List<StoredFact> rows) {
        streams.put(streamId, new SoftReference<>(rows));
    }

    synchronized void remove(String streamId) {
        streams.remove(streamId);
    }

    synchronized void clear() {
        streams.clear();
    }
}
