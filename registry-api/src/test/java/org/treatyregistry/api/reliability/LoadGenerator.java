package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: a fixed number of client threads, each sending its next request as soon as the previous
 * one is answered, for a bounded time and a bounded number of requests. The mix: reads (calendar, history,
 * ratifications) of states already recorded, exports (iCalendar, CSV) of them, and writes (new ratifications, each
 * opening an obligation, then reports under it) on states of each thread's own, so that no two writers touch one record
 * and every write is expected to succeed. Every answer other than the expected status is an error.
 *
 * <p>It runs in the test JVM ({@link LoadTest}) against a registry in another process; {@link #main} runs it against
 * any registry: {@code java -cp <test classpath> org.treatyregistry.api.reliability.LoadGenerator http://host:8080 60 8 KAZ
 * user:password}.
 */
final class LoadGenerator {

    enum Kind {
        CALENDAR(20), HISTORY(15), RATIFICATIONS(15), ICS(10), CSV(10), WRITE(30);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** A write the registry acknowledged (201): what must be in the store afterwards. */
    record Write(String stream, String type, String symbol) {
    }

    /** Figures for one kind of request; latencies in milliseconds. */
    record Figures(String kind, long requests, long errors, double p50, double p99, double max) {
    }

    record Result(int threads, double seconds, long requests, long errors, List<Figures> figures, List<String> errorSamples,
                  List<Write> writes, long writesNotProjected) {

        double throughput() {
            return requests / seconds;
        }

        String table() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%d client threads, %.1f s, %d requests, %.1f requests/s, %d errors (%.3f %%), %d writes answered projected=false%n",
                    threads, seconds, requests, throughput(), errors, requests == 0 ? 0.0 : 100.0 * errors / requests, writesNotProjected));
            text.append(String.format(Locale.ROOT, "| %-18s | %9s | %7s | %6s | %9s | %9s | %9s |%n", "kind", "requests", "req/s", "errors",
                    "p50 ms", "p99 ms", "max ms"));
            text.append("|--------------------|-----------|---------|--------|-----------|-----------|-----------|\n");
            for (Figures f : figures) {
                text.append(String.format(Locale.ROOT, "| %-18s | %9d | %7.1f | %6d | %9.1f | %9.1f | %9.1f |%n", f.kind(), f.requests(),
                        f.requests() / seconds, f.errors(), f.p50(), f.p99(), f.max()));
            }
            return text.toString();
        }
    }

    private static final List<String> WRITE_INSTRUMENTS = List.of("CRC", "CEDAW", "CAT", "CRPD", "ICESCR", "ICERD");
    private static final int REPORTS_PER_RECORD = 30;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;
    private final List<String> readStates;
    private final List<String> writeStates;
    private final int threads;
    private final Duration duration;
    private final long maxRequests;

    /** @param user a registry account with the DESK role (HTTP Basic on every request), or null for none */
    LoadGenerator(String base, String user, String password, List<String> readStates, List<String> writeStates, int threads,
                  Duration duration, long maxRequests) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.readStates = readStates;
        this.writeStates = writeStates;
        this.threads = threads;
        this.duration = duration;
        this.maxRequests = maxRequests;
    }

    Result run() throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicLong notProjected = new AtomicLong();
        List<Client> clients = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            clients.add(new Client(t, end, issued, errorSamples, writes, notProjected));
        }
        List<Thread> running = new ArrayList<>();
        for (Client c : clients) {
            Thread thread = new Thread(c, "load-client-" + c.index);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Figures> figures = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        for (Kind kind : Kind.values()) {
            long[] all = clients.stream().flatMapToLong(c -> Arrays.stream(c.latencies.get(kind).toArray())).sorted().toArray();
            long kindErrors = clients.stream().mapToLong(c -> c.errors.get(kind)).sum();
            figures.add(new Figures(kind.name().toLowerCase(Locale.ROOT), all.length, kindErrors, percentile(all, 50), percentile(all, 99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6));
            requests += all.length;
            errors += kindErrors;
        }
        long[] all = clients.stream().flatMapToLong(c -> c.latencies.values().stream().flatMapToLong(l -> Arrays.stream(l.toArray())))
                .sorted().toArray();
        figures.add(new Figures("all", all.length, errors, percentile(all, 50), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6));
        return new Result(threads, seconds, requests, errors, figures, List.copyOf(errorSamples), List.copyOf(writes), notProjected.get());
    }

    private HttpRequest signed(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    /** One client thread: its own random sequence, its own write records. */
    private final class Client implements Runnable {

        final int index;
        final long end;
        final AtomicLong issued;
        final ConcurrentLinkedQueue<String> errorSamples;
        final ConcurrentLinkedQueue<Write> writes;
        final AtomicLong notProjected;
        final Map<Kind, LongList> latencies = new EnumMap<>(Kind.class);
        final Map<Kind, Long> errors = new EnumMap<>(Kind.class);
        final Random random;
        final List<String[]> records = new ArrayList<>();
        int record = -1;
        int reports = REPORTS_PER_RECORD;

        Client(int index, long end, AtomicLong issued, ConcurrentLinkedQueue<String> errorSamples, ConcurrentLinkedQueue<Write> writes,
               AtomicLong notProjected) {
            this.index = index;
            this.end = end;
            this.issued = issued;
            this.errorSamples = errorSamples;
            this.writes = writes;
            this.notProjected = notProjected;
            this.random = new Random(1000L + index);
            for (Kind kind : Kind.values()) {
                latencies.put(kind, new LongList());
                errors.put(kind, 0L);
            }
            // this thread's records: (state, instrument) pairs no other thread writes to
            int n = 0;
            for (String state : writeStates) {
                for (String instrument : WRITE_INSTRUMENTS) {
                    if (n++ % threads == index) {
                        records.add(new String[]{state, instrument});
                    }
                }
            }
        }

        @Override
        public void run() {
            while (System.nanoTime() < end && issued.incrementAndGet() <= maxRequests) {
                Kind kind = pick();
                if (kind == Kind.WRITE && record + 1 >= records.size() && reports >= REPORTS_PER_RECORD) {
                    kind = Kind.CALENDAR; // this thread has written everything it owns
                }
                String state = readStates.get(random.nextInt(readStates.size()));
                long started = System.nanoTime();
                boolean ok;
                try {
                    ok = switch (kind) {
                        case CALENDAR -> get("/api/states/" + state + "/calendar", "application/json");
                        case HISTORY -> get("/api/states/" + state + "/history", "application/json");
                        case RATIFICATIONS -> get("/api/states/" + state + "/ratifications", "application/json");
                        case ICS -> get("/api/states/" + state + "/calendar.ics", "text/calendar");
                        case CSV -> get("/api/states/" + state + "/calendar.csv", "text/csv");
                        case WRITE -> write();
                    };
                } catch (IOException e) {
                    ok = false;
                    sample(kind + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                latencies.get(kind).add(System.nanoTime() - started);
                if (!ok) {
                    errors.merge(kind, 1L, Long::sum);
                }
            }
        }

        private Kind pick() {
            int r = random.nextInt(100);
            for (Kind kind : Kind.values()) {
                r -= kind.weight;
                if (r < 0) {
                    return kind;
                }
            }
            return Kind.CALENDAR;
        }

        private boolean get(String path, String contentType) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(signed(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .GET()), HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() == 200 && response.headers().firstValue("Content-Type").orElse("").startsWith(contentType)
                    && !response.body().isEmpty();
            if (!ok) {
                sample("GET " + path + " -> " + response.statusCode() + " " + abbreviate(response.body()));
            }
            return ok;
        }

        /** The next write of this thread: a ratification opening a new record, or the next report under the current one. */
        private boolean write() throws IOException, InterruptedException {
            String path;
            String body;
            Write expected;
            if (reports >= REPORTS_PER_RECORD) {
                record++;
                reports = 0;
                String[] r = records.get(record);
                path = "/api/states/" + r[0] + "/participations/" + r[1] + "/ratification";
                body = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2012-03-" + String.format("%02d", 1 + record % 28)
                        + "\",\"source\":{\"symbol\":\"LOAD/" + r[0] + "/" + r[1] + "\"}}";
                expected = new Write("participation:" + r[0] + ":" + r[1], "TreatyRatifiedEvent", null);
            } else {
                reports++;
                String[] r = records.get(record);
                String symbol = "LOAD/" + r[1] + "/" + r[0] + "/" + reports;
                path = "/api/states/" + r[0] + "/obligations/" + r[1] + "/reports";
                body = "{\"symbol\":\"" + symbol + "\",\"receivedOn\":\"" + LocalDate.of(2014, 1, 1).plusDays(20L * reports)
                        + "\",\"covers\":{\"from\":" + reports + ",\"to\":" + reports + "}}";
                expected = new Write("obligation:" + r[0] + ":" + r[1], "ReportSubmittedEvent", symbol);
            }
            HttpResponse<String> response = client.send(signed(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                sample("POST " + path + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                return false;
            }
            writes.add(expected);
            JsonNode answer = TreatyRecords.JSON.readTree(response.body());
            if (!answer.path("projected").asBoolean()) {
                notProjected.incrementAndGet();
            }
            return true;
        }

        private void sample(String error) {
            if (errorSamples.size() < 20) {
                errorSamples.add(error);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** A growable array of longs (latencies in nanoseconds), without boxing. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * Against a running registry: base URL, seconds, threads, states to read (comma-separated), user:password of an
     * account with the DESK role; writes go to other states.
     */
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> read = List.of((args.length > 3 ? args[3] : "KAZ").split(","));
        List<String> write = TreatyRecords.STATES.stream().filter(s -> !read.contains(s)).toList().subList(60, 240);
        String[] account = (args.length > 4 ? args[4] : "admin:admin").split(":", 2);
        Result result = new LoadGenerator(base, account[0], account[1], read, write, threads, Duration.ofSeconds(seconds), Long.MAX_VALUE).run();
        System.out.println(result.table());
        result.errorSamples().forEach(System.out::println);
    }
}
