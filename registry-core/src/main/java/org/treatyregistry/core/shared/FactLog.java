package org.treatyregistry.core.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts an aggregate has recorded, keyed by the sequence number of the event that recorded them.
 * A correction replaces the fact at its original position, so that everything derived from the log (guards,
 * schedules) sees the corrected history in its legal order, while the event store keeps both events.
 */
public final class FactLog<F> {

    private final TreeMap<Long, F> facts = new TreeMap<>();
    // how many times each fact is in force: answers contains() without a scan (facts are records: value equality)
    private final Map<F, Integer> counts = new HashMap<>();
    private long nextSequence;

    /** The sequence number of the stream's last event: its version (-1 before the first). */
    public long version() {
        return nextSequence - 1;
    }

    /** Records a fact carried by the stream's next event. */
    public void record(F fact) {
        count(facts.put(nextSequence++, fact), fact);
    }

    /** Applies a correction carried by the stream's next event: the fact at {@code sequence} is replaced. */
    public void replace(long sequence, F fact) {
        count(facts.put(sequence, fact), fact);
        nextSequence++;
    }

    private void count(F replaced, F fact) {
        if (replaced != null) {
            counts.computeIfPresent(replaced, (f, n) -> n == 1 ? null : n - 1);
        }
        counts.merge(fact, 1, Integer::sum);
    }

    public Optional<F> at(long sequence) {
        return Optional.ofNullable(facts.get(sequence));
    }

    public boolean contains(F fact) {
        return counts.containsKey(fact);
    }

    public List<F> effective() {
        return new ArrayList<>(facts.values());
    }

    public Map<Long, F> bySequence() {
        return java.util.Collections.unmodifiableMap(facts);
    }

    public <T extends F> List<T> ofType(Class<T> type) {
        return facts.values().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
