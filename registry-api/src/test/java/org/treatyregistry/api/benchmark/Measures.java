package org.treatyregistry.api.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** The figures of one benchmark run, printed as a Markdown table. */
final class Measures {

    /** One line of the table: what was measured, the result, the baseline measured in the same run, the target. */
    record Row(String measure, String result, String baseline, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String measure, String result, String baseline, String ratio, String target, Boolean met) {
        rows.add(new Row(measure, result, baseline, ratio, target, met == null ? "" : met ? "met" : "NOT met"));
    }

    void note(String text) {
        notes.add(text);
        System.out.println("[benchmark] " + text);
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| measure | result | baseline (same run) | ratio | target | |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append("| ").append(String.join(" | ", r.measure, r.result, r.baseline, r.ratio, r.target, r.verdict)).append(" |\n");
        }
        out.append('\n');
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%,.0f ms", millis);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    /** Nearest-rank percentile of the samples (nanoseconds), in milliseconds. */
    static double percentileMillis(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // the heap's occupancy just before each collection (when it is fullest, garbage included) and just after it (what
    // is still reachable), over all heap pools at that moment: summing each pool's own peak instead adds peaks of
    // different moments (young generation full at one time, old at another), which can exceed the heap itself
    private static final AtomicLong PEAK_BEFORE_GC = new AtomicLong();
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData()).getGcInfo();
                    PEAK_BEFORE_GC.accumulateAndGet(heapTotal(info.getMemoryUsageBeforeGc()), Math::max);
                    PEAK_AFTER_GC.accumulateAndGet(heapTotal(info.getMemoryUsageAfterGc()), Math::max);
                }, null, null);
            }
        }
    }

    private static long heapTotal(Map<String, MemoryUsage> byPool) {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = byPool.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                sum += usage.getUsed();
            }
        }
        return sum;
    }

    static void resetPeakHeap() {
        PEAK_BEFORE_GC.set(0);
        PEAK_AFTER_GC.set(0);
    }

    /** The fullest the heap was, garbage included, at a collection since the last reset. */
    static long peakHeapBytes() {
        return PEAK_BEFORE_GC.get();
    }

    /** The most the heap held after a collection since the last reset: the peak of what was still in use. */
    static long peakLiveHeapBytes() {
        return PEAK_AFTER_GC.get();
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }
}
