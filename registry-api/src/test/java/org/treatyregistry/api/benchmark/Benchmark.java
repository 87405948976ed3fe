package org.treatyregistry.api.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.serialization.Serializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.projections.Projections;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.security.FeedTokens;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestCredentials;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;
import org.treatyregistry.projections.calendar.CalendarPage;
import org.treatyregistry.projections.calendar.FindCalendarQuery;
import org.treatyregistry.projections.history.FindHistoryQuery;
import org.treatyregistry.projections.history.HistoryPage;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The performance benchmark (docs/performance.md): generates the dataset, then measures bulk import, rebuild, queries,
 * appends and the stock-Axon rebuild against baselines measured in the same run on the same PostgreSQL, and prints a
 * table. Run it with {@code ./bench.sh} (which gives the JVM {@code -Xmx512m}); options are {@code --name=value}:
 * states, events, append-seconds, query-runs, stock-seconds, out, and only (a comma-separated subset of rebuild,
 * queries, appends, stock, for a quicker look at one measure; the import always runs, as the others need its data).
 */
public final class Benchmark {

    public record Options(int states, long events, Duration appendWindow, int queryRuns, Duration stockWindow, Path out,
                          Set<String> only) {

        private static final Set<String> PHASES = Set.of("rebuild", "queries", "appends", "stock");

        boolean runs(String phase) {
            return only.isEmpty() || only.contains(phase);
        }

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, not " + arg);
                }
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(Integer.parseInt(a.getOrDefault("states", "200")),
                    Long.parseLong(a.getOrDefault("events", "1000000")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("append-seconds", "15"))),
                    Integer.parseInt(a.getOrDefault("query-runs", "300")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("stock-seconds", "30"))),
                    Path.of(a.getOrDefault("out", "target/benchmark")), only(a.getOrDefault("only", "")));
        }

        private static Set<String> only(String list) {
            Set<String> phases = new java.util.TreeSet<>();
            for (String phase : list.split(",")) {
                if (phase.isBlank()) {
                    continue;
                }
                if (!PHASES.contains(phase.strip())) {
                    throw new IllegalArgumentException("--only takes a comma-separated subset of " + new java.util.TreeSet<>(PHASES) + ", not " + phase);
                }
                phases.add(phase.strip());
            }
            return phases;
        }
    }

    private static final int[] THREADS = {1, 4, 8};

    private final Options options;
    private final Measures measures = new Measures();
    private double rebuildRate;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Measures m = run(Options.parse(args));
        System.out.println();
        System.out.println(m.markdown());
        System.exit(0);
    }

    public static Measures run(Options options) throws Exception {
        return new Benchmark(options).run();
    }

    private Measures run() throws Exception {
        Files.createDirectories(options.out());
        measures.note(String.format(Locale.ROOT, "JVM %s, max heap %s, %d processors; %d states, target %,d events",
                System.getProperty("java.version"), Measures.mib(Runtime.getRuntime().maxMemory()),
                Runtime.getRuntime().availableProcessors(), options.states(), options.events()));
        TestPostgres.durableCommits();
        TestPostgres.Database appDb = TestPostgres.newDatabase();
        TestPostgres.Database rawDb = TestPostgres.newDatabase();
        measures.note("PostgreSQL " + setting(appDb, "server_version") + ", synchronous_commit=" + setting(appDb, "synchronous_commit")
                + ", fsync=" + setting(appDb, "fsync") + " (started as the tests start it: support/TestPostgres)");

        RunningRegistry registry = RunningRegistry.postgres(appDb, false).start();
        try {
            Serializer serializer = registry.bean("eventSerializer", Serializer.class);
            ObjectMapper json = registry.bean(ObjectMapper.class);
            Path datasetFile = options.out().resolve("dataset.jsonl");
            long t0 = System.nanoTime();
            Dataset.Summary dataset = new Dataset(serializer, options.states(), options.events()).write(datasetFile);
            measures.note(String.format(Locale.ROOT, "dataset: %,d events in %,d streams of %d states, %,d MiB of JSON Lines, generated in %.1f s",
                    dataset.events(), dataset.streams(), dataset.states(), Files.size(datasetFile) >> 20, RawBaselines.seconds(t0)));

            RawBaselines raw = new RawBaselines(rawDb, json);
            bulkImport(registry, raw, datasetFile, dataset);
            if (options.runs("rebuild")) {
                rebuild(registry, appDb, json, dataset);
            }
            if (options.runs("queries")) {
                queries(registry, dataset);
            }
            if (options.runs("appends")) {
                appends(registry, raw, dataset, json);
            }
        } finally {
            registry.stop();
        }
        if (options.runs("stock")) {
            stockAxonRebuild(appDb);
        }
        Files.writeString(options.out().resolve("results.md"), measures.markdown());
        return measures;
    }

    private void bulkImport(RunningRegistry registry, RawBaselines raw, Path file, Dataset.Summary dataset) throws Exception {
        double baseline = raw.bulkInsert(file);
        Measures.resetPeakHeap();
        long[] timed = new long[2];
        // as POST /api/admin/event-log does it: the processor stopped during the import, the read models rebuilt after it
        long imported = registry.bean(ProjectionAdmin.class).loadThenRebuild(() -> {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                timed[0] = System.nanoTime();
                long n = registry.bean(EventLog.class).importInto(lines);
                timed[1] = System.nanoTime();
                return n;
            }
        });
        double rate = imported / ((timed[1] - timed[0]) / 1e9);
        if (imported != dataset.events()) {
            throw new IllegalStateException("imported " + imported + " of " + dataset.events() + " events");
        }
        measures.add("bulk import (event log, chained), events/s", Measures.rate(rate), Measures.rate(baseline) + " raw batched INSERT",
                Measures.ratio(rate / baseline), "≥ 50,000/s", rate >= 50_000);
        heapRow("bulk import");
        // the rebuild that follows the import is not timed here: the next measure times one
        if (!registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofHours(2))) {
            throw new IllegalStateException("the read models did not catch up after the import");
        }
    }

    private void rebuild(RunningRegistry registry, TestPostgres.Database appDb, ObjectMapper json, Dataset.Summary dataset) throws Exception {
        double[] baselines = new double[3];
        for (int i = 0; i < baselines.length; i++) {
            baselines[i] = RawBaselines.scanAndDecode(appDb, json);
        }
        double baseline = Measures.median(baselines);
        ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
        Measures.resetPeakHeap();
        long start = System.nanoTime();
        admin.rebuild();
        if (!admin.awaitCaughtUp(Duration.ofHours(2))) {
            throw new IllegalStateException("the rebuild did not finish");
        }
        double rate = dataset.events() / RawBaselines.seconds(start);
        rebuildRate = rate;
        measures.add("rebuild of every projection, events/s", Measures.rate(rate), Measures.rate(baseline) + " raw scan + JSON decode (median of 3)",
                Measures.ratio(rate / baseline), "≥ 100,000/s and ≥ 0.5×", rate >= 100_000 && rate >= 0.5 * baseline);
        heapRow("rebuild");
    }

    private void queries(RunningRegistry registry, Dataset.Summary dataset) throws Exception {
        QueryGateway queries = registry.bean(QueryGateway.class);
        List<StateCode> states = Dataset.stateCodes(options.states());
        Random rnd = new Random(5);
        int runs = options.queryRuns();
        Measures.resetPeakHeap();
        long[] one = time(runs, () -> calendar(queries, states.get(rnd.nextInt(states.size())).value()));
        // as many runs as for one state: the query takes ~1.5 ms, and a p99 of 30 runs was only their slowest
        long[] all = time(runs, () -> calendar(queries, null));
        latencyRows("calendar query, one state (100 a page)", one, 10.0);
        latencyRows("calendar query, all states (100 a page)", all, 10.0);
        // the desk's history screen: a state's entries, 100 a page, the first page and one further in (its count included)
        long[] historyFirst = time(runs, () -> history(queries, states.get(rnd.nextInt(states.size())).value(), 0));
        // (a state holds about events / states entries: the 21st page at 1M events, an earlier one in a smaller run)
        int deeper = (int) Math.min(20, dataset.events() / options.states() / 200);
        long[] historyDeeper = time(runs, () -> history(queries, states.get(rnd.nextInt(states.size())).value(), deeper));
        latencyRows("history query, one state (100 a page, the first)", historyFirst, null);
        latencyRows("history query, one state (100 a page, page " + (deeper + 1) + ")", historyDeeper, null);
        // every state's history, as the screens show it unfiltered: the count of the whole history on every page
        long[] historyAll = time(Math.max(3, runs / 30), () -> history(queries, null, 0));
        latencyRows("history query, all states (100 a page, the first)", historyAll, null);

        String token = registry.bean(FeedTokens.class).issue(TestCredentials.ADMIN, "benchmark").token();
        String base = registry.http().base();
        HttpClient http = HttpClient.newHttpClient();
        long[] icsOne = time(Math.max(5, runs / 3), () -> ics(http, base + "/api/states/" + states.get(rnd.nextInt(states.size())).value()
                + "/calendar.ics?token=" + token));
        long[] icsAll = time(Math.max(3, runs / 30), () -> ics(http, base + "/api/calendar.ics?token=" + token));
        latencyRows("ICS export over HTTP, one state", icsOne, null);
        // what an API client signing each request with a password (HTTP Basic) sees: sign-in included
        org.treatyregistry.api.support.Http signedIn = registry.http();
        long[] httpOne = time(Math.max(5, runs / 3), () -> {
            org.treatyregistry.api.support.Http.Response r = signedIn.get("/api/states/" + states.get(rnd.nextInt(states.size())).value() + "/calendar");
            if (r.status() != 200) {
                throw new IllegalStateException("calendar answered " + r.status());
            }
            return r.body().length();
        });
        latencyRows("calendar over HTTP with a password (Basic), one state", httpOne, null);
        // what the desk waits for when it records a fact: the answer comes once the read models show it
        List<Dataset.Party> parties = dataset.parties();
        AtomicLong recordings = new AtomicLong();
        long[] recording = time(Math.max(5, runs / 3), () -> {
            Dataset.Party party = parties.get(rnd.nextInt(parties.size()));
            org.treatyregistry.api.support.Http.Response r = signedIn.post("/api/states/" + party.state().value() + "/participations/"
                            + party.instrument().code().value() + "/reservations",
                    "{\"reference\": \"benchmark recording " + recordings.incrementAndGet() + "\", \"kind\": \"DECLARATION\","
                            + " \"article\": \"2\", \"text\": \"A declaration recorded over HTTP.\", \"madeOn\": \"2024-05-02\"}");
            if (r.status() != 201 || !r.body().contains("\"projected\":true")) {
                throw new IllegalStateException("recording answered " + r.status() + ": " + r.body());
            }
            return r.body().length();
        });
        latencyRows("recording over HTTP with a password, answered once the read models show it", recording, null);
        double p99 = Measures.percentileMillis(icsAll, 99);
        latencyRows("ICS export over HTTP, all " + options.states() + " states", icsAll, null);
        measures.add("full ICS export, " + options.states() + " states (p99)", Measures.ms(p99), "", "", "< 1 s", p99 < 1000);
        heapRow("queries");
        downloads(registry, http, base);
    }

    /**
     * The largest answers the registry gives: every state's history as CSV and the whole event log, over HTTP, signed in,
     * read as they arrive and counted line by line. A download cut short (by a timeout or the heap) fails the run.
     */
    private void downloads(RunningRegistry registry, HttpClient http, String base) throws Exception {
        Measures.resetPeakHeap();
        // an entry for every event (every event the registry stores is a fact of a stream)
        long entries = registry.eventCount();
        long[] history = download(http, base + "/api/history.csv");
        // the header, then one line per entry: the summaries hold no line breaks
        if (history[1] != entries + 1) {
            throw new IllegalStateException("the history download has " + history[1] + " lines for " + entries + " entries");
        }
        measures.add("history download over HTTP, all states, CSV (" + entries + " entries, one run)",
                Measures.ms(history[0] / 1e6) + ", " + (history[2] >> 20) + " MiB", "", "", "", null);
        heapRow("history download");
        Measures.resetPeakHeap();
        long events = registry.eventCount();
        long[] log = download(http, base + "/api/audit/events.jsonl");
        if (log[1] != events) {
            throw new IllegalStateException("the event-log export has " + log[1] + " lines for " + events + " events");
        }
        measures.add("event-log export over HTTP (" + events + " events, one run)",
                Measures.ms(log[0] / 1e6) + ", " + (log[2] >> 20) + " MiB", "", "", "", null);
        heapRow("event-log export");
    }

    /** Nanoseconds, lines and bytes of a download, read as it arrives. */
    private static long[] download(HttpClient http, String url) throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (TestCredentials.ADMIN + ":" + TestCredentials.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (java.io.InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(in.readNBytes(2000), StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[]{System.nanoTime() - start, lines, bytes};
    }

    private void latencyRows(String what, long[] samples, Double p99TargetMs) {
        double p50 = Measures.percentileMillis(samples, 50);
        double p99 = Measures.percentileMillis(samples, 99);
        measures.add(what + ", p50 / p99 (" + samples.length + " runs)", Measures.ms(p50) + " / " + Measures.ms(p99), "", "",
                p99TargetMs == null ? "" : "p99 < " + p99TargetMs.intValue() + " ms", p99TargetMs == null ? null : p99 < p99TargetMs);
    }

    private static int calendar(QueryGateway queries, String state) {
        CalendarPage page = queries.query(new FindCalendarQuery(state, null, null, Set.of(), null, null, null, 90, null, false, 0, 100),
                ResponseTypes.instanceOf(CalendarPage.class)).join();
        return page.items().size();
    }

    private static int history(QueryGateway queries, String state, int page) {
        HistoryPage answer = queries.query(new FindHistoryQuery(state, null, null, null, null, null, null, page, 100),
                ResponseTypes.instanceOf(HistoryPage.class)).join();
        if (answer.items().isEmpty()) {
            throw new IllegalStateException("no history page " + page + " for " + state + " of " + answer.total() + " entries");
        }
        return answer.items().size();
    }

    private static int ics(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    private void appends(RunningRegistry registry, RawBaselines raw, Dataset.Summary dataset, ObjectMapper json) throws Exception {
        CommandGateway commands = registry.bean(CommandGateway.class);
        List<Dataset.Party> parties = dataset.parties();
        byte[] payload = json.writeValueAsBytes(reservation(parties.get(0), 0));
        AtomicLong counter = new AtomicLong();
        ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
        for (int threads : THREADS) {
            // each measure starts with the read models caught up, so that neither side pays for the previous one's backlog
            awaitCaughtUp(admin);
            double baseline = raw.appends(threads, options.appendWindow(), payload);
            awaitCaughtUp(admin);
            AtomicLong recorded = new AtomicLong();
            AtomicLong other = new AtomicLong();
            Measures.resetPeakHeap();
            double rate = concurrently(threads, options.appendWindow(), worker -> {
                Random rnd = new Random(worker);
                return () -> {
                    Dataset.Party party = parties.get(rnd.nextInt(parties.size()));
                    CommandOutcome outcome = commands.sendAndWait(reservation(party, counter.incrementAndGet()),
                            MetaData.with("recordedBy", "benchmark"));
                    (outcome.result() == CommandOutcome.Result.RECORDED ? recorded : other).incrementAndGet();
                };
            });
            if (other.get() > 0) {
                throw new IllegalStateException(other.get() + " append commands were not recorded");
            }
            measures.add("appends through the command gateway, " + threads + " thread" + (threads > 1 ? "s" : "") + ", commands/s",
                    Measures.rate(rate), Measures.rate(baseline) + " raw INSERT+COMMIT", Measures.ratio(rate / baseline), "≥ 0.7×",
                    rate >= 0.7 * baseline);
        }
        heapRow("appends");
        projectionCatchUp(registry, parties, counter);
    }

    /**
     * How fast the live projection works off a backlog: appends recorded while its processor is stopped (as after a
     * burst, or a restart), then the time it takes to catch up. What the append measures share the cores with.
     */
    private void projectionCatchUp(RunningRegistry registry, List<Dataset.Party> parties, AtomicLong counter) throws Exception {
        ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
        awaitCaughtUp(admin);
        StreamingEventProcessor processor = registry.bean(EventProcessingConfiguration.class)
                .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        CommandGateway commands = registry.bean(CommandGateway.class);
        processor.shutDown();
        int backlog = 5_000;
        Random rnd = new Random(42);
        for (int i = 0; i < backlog; i++) {
            Dataset.Party party = parties.get(rnd.nextInt(parties.size()));
            commands.sendAndWait(reservation(party, counter.incrementAndGet()), MetaData.with("recordedBy", "benchmark"));
        }
        long start = System.nanoTime();
        processor.start();
        awaitCaughtUp(admin);
        double rate = backlog / RawBaselines.seconds(start);
        measures.add("live projection working off " + String.format(Locale.ROOT, "%,d", backlog) + " appended events, events/s",
                Measures.rate(rate), "", "", "", null);
    }

    /** The heap at its fullest (at a collection, garbage included) and the most still in use after one, during a phase. */
    private void heapRow(String phase) {
        measures.add("peak heap during " + phase + " (fullest / live after a collection)",
                Measures.mib(Measures.peakHeapBytes()) + " / " + Measures.mib(Measures.peakLiveHeapBytes()), "", "", "-Xmx512m", null);
    }

    private static void awaitCaughtUp(ProjectionAdmin admin) {
        if (!admin.awaitCaughtUp(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the read models did not catch up with the appends");
        }
    }

    private static RecordReservationCommand reservation(Dataset.Party party, long n) {
        return new RecordReservationCommand(party.state(), party.instrument().code(), "benchmark declaration " + n,
                ReservationKind.DECLARATION, "2", "The State declares that it interprets article 2 in good faith.",
                LegalDate.ofDay(LocalDate.of(2024, 5, 2)), Source.document("C.N.2.2024.TREATIES"));
    }

    /** The stock configuration Axon starts with: a tracking processor, one thread, one segment, batch size 1. */
    private void stockAxonRebuild(TestPostgres.Database appDb) throws Exception {
        // a processor of one segment: drop the two-segment tokens so that the stock processor starts as configured
        try (Connection c = appDb.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM token_entry WHERE processor_name = 'registry-projections'");
        }
        RunningRegistry stock = RunningRegistry.postgres(appDb, false)
                .with("axon.eventhandling.processors.registry-projections.mode", "tracking")
                .with("axon.eventhandling.processors.registry-projections.batch-size", "1")
                .with("axon.eventhandling.processors.registry-projections.thread-count", "1")
                .with("axon.eventhandling.processors.registry-projections.initial-segment-count", "1")
                .start();
        try {
            ProjectionAdmin admin = stock.bean(ProjectionAdmin.class);
            long total = stock.eventCount();
            // the processor's own replay (ProjectionAdmin.rebuild would take the bulk path)
            StreamingEventProcessor processor = stock.bean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            long start = System.nanoTime();
            processor.start();
            long deadline = start + options.stockWindow().toNanos();
            while (System.nanoTime() < deadline && !admin.status().caughtUp()) {
                Thread.sleep(100);
            }
            long to = Math.max(0, admin.status().position() + 1);
            double rate = to / RawBaselines.seconds(start);
            measures.add("rebuild with stock Axon settings (tracking processor, batch size 1), events/s", Measures.rate(rate),
                    String.format(Locale.ROOT, "measured over %d s (%,d of %,d events)", options.stockWindow().toSeconds(), to, total),
                    rebuildRate > 0 ? Measures.ratio(rebuildRate / rate) + " (the rebuild above, divided by this)" : "", "", null);
        } finally {
            stock.stop();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    interface Counted {
        Object call() throws Exception;
    }

    /** Runs {@code action} {@code runs} times after a warm-up of a tenth as many; returns the latencies in nanoseconds. */
    private static long[] time(int runs, Counted action) throws Exception {
        for (int i = 0; i < Math.max(1, runs / 10); i++) {
            action.call();
        }
        long[] samples = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.call();
            samples[i] = System.nanoTime() - start;
        }
        return samples;
    }

    /** Runs one action per thread in a loop for {@code window} (after a 2 s warm-up); returns completed actions per second. */
    private static double concurrently(int threads, Duration window, java.util.function.IntFunction<Action> perThread) throws Exception {
        AtomicLong done = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        long end = warmEnd + window.toNanos();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Action action = perThread.apply(t);
            workers[t] = new Thread(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < end && failure.get() == null) {
                        action.run();
                        if (now >= warmEnd) {
                            done.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed", failure.get());
        }
        return done.get() / (window.toNanos() / 1e9);
    }

    private static String setting(TestPostgres.Database db, String name) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
