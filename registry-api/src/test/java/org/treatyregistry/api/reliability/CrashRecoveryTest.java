package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestPostgres;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the registry process in the middle of work, then a restart on the same PostgreSQL database.
 *
 * <p>"Acknowledged" means: the client holds an answer that says the fact is recorded. For a recording endpoint that is
 * a 201 (RECORDED) or 200 (ALREADY_RECORDED) response received before the kill. For an import record it is a
 * RECORDED or ALREADY_RECORDED result listed by {@code GET /api/imports/{id}} in a response received before the kill
 * (the 202 of {@code POST /api/imports} acknowledges only the file, not its records). A request that had no answer
 * when the process died is unacknowledged: it may or may not be stored, and either is correct.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    /** 22 states x 93 records: 2,046 import records, 2,288 events. */
    private static final int IMPORT_STATES = 22;
    private static final int EVENTS_PER_STATE = 104;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unprojected = new AtomicInteger();
    private TestPostgres.Database db;
    private EventStore store;
    private RegistryProcess registry;
    private Http http;

    @BeforeAll
    void start() {
        db = TestPostgres.newDatabase();
        store = new EventStore(db.url(), db.user(), db.password());
        registry = RegistryProcess.postgres("crash", db.url(), db.user(), db.password()).start();
        http = registry.http();
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
        if (registry != null) {
            registry.close();
        }
    }

    /** What an acknowledged command must have left in the store: an event of this type, in this stream, with this field. */
    record Expected(String what, String stream, String type, String field, String value, String importBatch) {

        boolean matches(EventStore.Event e) {
            return e.stream().equals(stream) && e.type().equals(type) && (field == null || value.equals(e.text(field)))
                    && (importBatch == null || importBatch.equals(e.metaData().path("importBatch").asText(null)));
        }
    }

    @Test
    @Order(1)
    void killDuringABulkImportLosesNothingAcknowledgedAndTheProjectionsConverge() throws Exception {
        List<String> states = TreatyRecords.STATES.subList(0, IMPORT_STATES);
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        for (int i = 0; i < states.size(); i++) {
            files.put(states.get(i), TreatyRecords.importFile(states.get(i), i));
        }
        int totalRecords = files.values().stream().mapToInt(f -> f.path("records").size()).sum();
        assertThat(totalRecords).isGreaterThan(2000);
        // client threads recording facts one by one while the import runs, each on states of its own
        AtomicBoolean killed = new AtomicBoolean();
        ConcurrentLinkedQueue<Expected> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger unanswered = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<String> own = TreatyRecords.STATES.subList(100 + t * 12, 112 + t * 12);
            Thread writer = new Thread(() -> write(own, killed, acknowledged, unexpected, unanswered), "writer-" + t);
            writer.start();
            writers.add(writer);
        }

        // once the clients have answers, post the import files (one per state: a file holds one state's record)
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (acknowledged.size() < 8) {
            assertThat(System.nanoTime()).as("clients answered within " + PATIENCE).isLessThan(deadline);
            RegistryProcess.pause(50);
        }
        List<String> jobs = postImports(files);

        // let the import get well under way, then take the last progress reports and kill the process at once
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        while (processed(poll(jobs, seen)) < totalRecords / 4) {
            assertThat(System.nanoTime()).as("import under way within " + PATIENCE).isLessThan(deadline);
            RegistryProcess.pause(100);
        }
        poll(jobs, seen);
        killed.set(true);
        registry.kill();
        // the reports the client saw last, in file order (none for a file it never saw started: nothing acknowledged)
        List<JsonNode> lastReports = new ArrayList<>();
        for (String job : jobs) {
            lastReports.add(seen.getOrDefault(job, TreatyRecords.JSON.createObjectNode().put("processed", 0)));
        }
        for (Thread writer : writers) {
            writer.join(Duration.ofMinutes(2).toMillis());
        }
        int processedBeforeKill = processed(lastReports);
        assertThat(processedBeforeKill).as("killed part-way through the import").isLessThan(totalRecords);
        assertThat(unexpected).as("answers other than 201/200 before the kill").isEmpty();

        // straight from the database, with no registry running: every acknowledged command is stored, exactly once
        store.assertConsistent();
        List<Expected> expected = new ArrayList<>(acknowledged);
        int importAcknowledged = 0;
        for (int j = 0; j < jobs.size(); j++) {
            JsonNode report = lastReports.get(j);
            ObjectNode file = files.get(states.get(j));
            for (JsonNode result : report.path("results")) {
                assertThat(result.path("result").asText()).as(result.toString()).isIn("RECORDED", "ALREADY_RECORDED");
                expected.add(expectedOf(file.path("records").get(result.path("index").asInt()), result, jobs.get(j)));
                importAcknowledged++;
            }
        }
        List<EventStore.Event> events = store.events();
        for (Expected e : expected) {
            assertThat(events.stream().filter(e::matches).count()).as("stored once: " + e).isEqualTo(1);
        }

        // restart on the same database: it serves again, and the read models take in everything that was stored
        registry.start();
        registry.awaitCaughtUp(PATIENCE);
        assertThat(store.eventsMissingFromReadModels()).as("events absent from the read models").isZero();
        Map<String, String> histories = new HashMap<>();
        for (Expected e : expected) {
            String state = e.stream().split(":")[1];
            String history = histories.computeIfAbsent(state, st -> http.get("/api/states/" + st + "/history?size=1000").body());
            assertThat(history).as("history of " + state).contains("\"streamId\":\"" + e.stream() + "\"");
        }
        Http.Response lostJob = http.get("/api/imports/" + jobs.get(0));
        assertThat(lostJob.status()).as("import progress is held in memory: gone with the process").isEqualTo(404);

        // each file is in the store entirely (finished before the kill) or not at all (still queued), except the ones
        // the kill interrupted; the recovery procedure is to post those files again: what was stored reports
        // ALREADY_RECORDED, the rest is recorded
        Map<String, ObjectNode> interrupted = new LinkedHashMap<>();
        List<JsonNode> interruptedBefore = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            String state = states.get(j);
            long stored = eventsOf(state, events);
            if (stored != 0 && stored != EVENTS_PER_STATE) {
                interrupted.put(state, files.get(state));
                interruptedBefore.add(lastReports.get(j));
            }
        }
        // (none when the kill fell exactly between two files)
        List<JsonNode> again = interrupted.isEmpty() ? List.of() : awaitImports(postImports(interrupted));
        for (int j = 0; j < again.size(); j++) {
            JsonNode report = again.get(j);
            assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(report.path("rejected").asInt()).as(report.path("state").asText()).isZero();
            assertThat(report.path("recorded").asInt() + report.path("alreadyRecorded").asInt()).isEqualTo(report.path("total").asInt());
            assertThat(report.path("alreadyRecorded").asInt()).isPositive()
                    .isGreaterThanOrEqualTo(interruptedBefore.get(j).path("processed").asInt());
            assertThat(report.path("recorded").asInt()).isPositive();
        }
        store.assertConsistent();
        List<EventStore.Event> complete = store.events();
        for (String state : states) {
            assertThat(eventsOf(state, complete)).as("events of " + state + ": the whole record or nothing, nothing twice")
                    .isIn(0L, (long) EVENTS_PER_STATE);
        }

        // the read models, caught up after the crash, are exactly what a clean rebuild gives
        assertConvergesToACleanRebuild();
        System.out.printf("kill during import: %d of %d records processed when killed, %d import records and %d single "
                        + "commands acknowledged (all found), %d requests unanswered, files %s posted again, %d events stored%n",
                processedBeforeKill, totalRecords, importAcknowledged, acknowledged.size(), unanswered.get(), interrupted.keySet(),
                complete.size());
        System.out.println("single commands during the import, ms: " + latencies + "; answered projected=false: " + unprojected);
    }

    @Test
    @Order(2)
    void killDuringAProjectionRebuildLeavesTheReadModelsAsTheyWereAndARebuildAfterTheRestartConverges() {
        if (!registry.isAlive()) {
            registry.start();
        }
        completeTheDataSet();
        registry.awaitCaughtUp(PATIENCE);
        Map<String, String> reference = ReadModels.capture(http);
        long head = store.queryLong("SELECT MAX(global_index) FROM domain_event_entry");
        List<EventStore.Segment> before = store.segments("registry-projections");

        // a rebuild on PostgreSQL is a bulk rebuild (admin.BulkRebuild), one transaction that takes a fraction of a
        // second here: the status is polled without pause, and the attempt repeated if it finished before it was seen
        JsonNode partWay = null;
        for (int attempt = 1; attempt <= 10 && partWay == null; attempt++) {
            Http.Response started = http.post("/api/admin/projections/rebuild", "");
            assertThat(started.status()).isEqualTo(202);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode status = registry.projections();
                if (status.path("caughtUp").asBoolean()) {
                    break;
                }
                if (status.path("replaying").asBoolean() && status.path("progress").asDouble() < 0.9) {
                    partWay = status;
                    registry.kill();
                    break;
                }
            }
        }
        assertThat(partWay).as("the rebuild was seen under way and killed there").isNotNull();

        // in the database: the rebuild's transaction died with the process, so the read models and the tokens are
        // exactly as they were before it began (nothing half-built)
        List<EventStore.Segment> segments = store.segments("registry-projections");
        assertThat(segments).hasSize(2);
        assertThat(segments).extracting(EventStore.Segment::position)
                .containsExactlyElementsOf(before.stream().map(EventStore.Segment::position).toList());
        assertThat(segments).noneSatisfy(s -> assertThat(s.replaying()).isTrue());
        assertThat(store.eventsMissingFromReadModels()).as("projected facts after the kill").isZero();

        // restart: caught up at once, the same answers; and a rebuild now gives them again
        registry.start();
        registry.awaitCaughtUp(PATIENCE);
        ReadModels.assertSame(ReadModels.capture(http), reference, "after the interrupted rebuild");
        assertConvergesToACleanRebuild();
        System.out.printf("kill during rebuild: killed at progress %.2f of %d events (status %s), stored tokens %s%n",
                partWay.path("progress").asDouble(), head, partWay, segments);
    }

    /** Captures every read model, rebuilds them all from the event store, and asserts the same answers. */
    private void assertConvergesToACleanRebuild() {
        registry.awaitCaughtUp(PATIENCE);
        Map<String, String> recovered = ReadModels.capture(http);
        assertThat(ReadModels.total(recovered, "/api/history")).isEqualTo(store.count());
        assertThat(ReadModels.total(recovered, "/api/calendar")).isGreaterThan(100);
        Http.Response rebuild = http.post("/api/admin/projections/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(202);
        registry.awaitCaughtUp(PATIENCE);
        ReadModels.assertSame(ReadModels.capture(http), recovered, "after a clean rebuild");
    }

    private static long eventsOf(String state, List<EventStore.Event> events) {
        return events.stream().filter(e -> e.stream().contains(":" + state + ":") || e.stream().equals("upr:" + state)).count();
    }

    /** Imports the files of every state of the data set that has nothing in the store yet (what test 1 left queued). */
    private void completeTheDataSet() {
        List<EventStore.Event> events = store.events();
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        for (int i = 0; i < IMPORT_STATES; i++) {
            String state = TreatyRecords.STATES.get(i);
            if (eventsOf(state, events) == 0) {
                files.put(state, TreatyRecords.importFile(state, i));
            }
        }
        if (!files.isEmpty()) {
            awaitImports(postImports(files));
        }
        assertThat(store.count()).as("events stored for the rebuild").isGreaterThan(2000);
    }

    /**
     * Posts the files from several threads at once (each request costs a password check, and the imports start
     * running while the rest are posted). Returns the import ids in file order.
     */
    private List<String> postImports(Map<String, ObjectNode> files) {
        return parallel(files.values().stream().map(file -> (java.util.function.Supplier<String>) () -> {
            Http.Response accepted = http.post("/api/imports", file.toString());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            return accepted.json().path("id").asText();
        }).toList());
    }

    /** The progress of every import not yet seen finished (asked from several threads at once); returns all last seen. */
    private List<JsonNode> poll(List<String> jobs, Map<String, JsonNode> seen) {
        List<String> open = jobs.stream().filter(job -> !seen.containsKey(job) || seen.get(job).path("status").asText().equals("RUNNING")).toList();
        List<JsonNode> reports = parallel(open.stream().map(job -> (java.util.function.Supplier<JsonNode>) () -> {
            Http.Response response = http.get("/api/imports/" + job);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json();
        }).toList());
        for (int i = 0; i < open.size(); i++) {
            seen.put(open.get(i), reports.get(i));
        }
        return new ArrayList<>(seen.values());
    }

    private <T> List<T> parallel(List<java.util.function.Supplier<T>> calls) {
        List<java.util.concurrent.CompletableFuture<T>> futures = calls.stream()
                .map(call -> java.util.concurrent.CompletableFuture.supplyAsync(call, pool)).toList();
        return futures.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    private List<JsonNode> awaitImports(List<String> jobs) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        while (true) {
            poll(jobs, seen);
            if (seen.size() == jobs.size() && seen.values().stream().noneMatch(r -> r.path("status").asText().equals("RUNNING"))) {
                return jobs.stream().map(seen::get).toList();
            }
            assertThat(System.nanoTime()).as("imports finished within " + PATIENCE).isLessThan(deadline);
            RegistryProcess.pause(250);
        }
    }

    private static int processed(List<JsonNode> reports) {
        return reports.stream().mapToInt(r -> r.path("processed").asInt()).sum();
    }

    /** What an import record acknowledged as recorded must have left in the store. */
    private static Expected expectedOf(JsonNode record, JsonNode result, String job) {
        String stream = result.path("streamId").asText();
        String what = "import record " + record.path("id").asText() + " (" + stream + ")";
        String fact = record.path("fact").asText();
        // an ALREADY_RECORDED record was stored by an earlier command, not by this import
        String batch = result.path("result").asText().equals("RECORDED") ? job : null;
        return switch (fact) {
            case "ratification" -> new Expected(what, stream, "TreatyRatifiedEvent", null, null, batch);
            case "signature" -> new Expected(what, stream, "InstrumentSignedEvent", null, null, batch);
            case "report" -> new Expected(what, stream, "ReportSubmittedEvent", "symbol", record.path("symbol").asText(), batch);
            case "review" -> new Expected(what, stream, "ReviewHeldEvent", "session", record.path("session").asText(), batch);
            case "concluding-observations" -> new Expected(what, stream, "ConcludingObservationsAdoptedEvent", "symbol",
                    record.path("symbol").asText(), batch);
            case "follow-up" -> new Expected(what, stream, "FollowUpInformationSubmittedEvent", "symbol", record.path("symbol").asText(), batch);
            case "competence-recognition" -> new Expected(what, stream, "CompetenceRecognizedEvent", null, null, batch);
            case "upr-review" -> new Expected(what, stream, "UprReviewHeldEvent", "cycle", record.path("cycle").asText(), batch);
            default -> throw new AssertionError("no expectation for " + fact);
        };
    }

    /**
     * One client: ratifications (each opens an obligation) and reservations, on its own states, until the kill. Every
     * 201/200 received is acknowledged; a request without an answer (the process died) is counted as unanswered.
     */
    private void write(List<String> states, AtomicBoolean killed, ConcurrentLinkedQueue<Expected> acknowledged,
                       ConcurrentLinkedQueue<String> unexpected, AtomicInteger unanswered) {
        int n = 0;
        for (String state : states) {
            for (String instrument : List.of("CRC", "CRPD", "CEDAW", "CAT", "ICESCR")) {
                String participation = "/api/states/" + state + "/participations/" + instrument;
                String reference = "reservation " + (++n) + " of " + Thread.currentThread().getName();
                List<String[]> requests = List.of(
                        new String[]{participation + "/ratification", "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2012-03-"
                                + String.format("%02d", 1 + n % 28) + "\"}", "TreatyRatifiedEvent", null, null},
                        new String[]{participation + "/reservations", "{\"reference\":\"" + reference
                                + "\",\"kind\":\"DECLARATION\",\"madeOn\":\"2012-03-01\",\"text\":\"test\"}", "ReservationEnteredEvent",
                                "reference", reference});
                for (String[] request : requests) {
                    if (killed.get()) {
                        return;
                    }
                    try {
                        long start = System.nanoTime();
                        Http.Response response = http.post(request[0], request[1]);
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                        if (response.status() == 201 || response.status() == 200) {
                            if (!response.json().path("projected").asBoolean()) {
                                unprojected.incrementAndGet();
                            }
                            acknowledged.add(new Expected("POST " + request[0], response.json().path("streamId").asText(), request[2],
                                    request[3], request[4], null));
                        } else {
                            unexpected.add(request[0] + " -> " + response.status() + " " + response.body());
                        }
                    } catch (UncheckedIOException e) {
                        unanswered.incrementAndGet();
                        if (!killed.get() && registry.isAlive()) {
                            unexpected.add(request[0] + " -> " + e);
                        }
                        return;
                    }
                }
            }
        }
    }
}
