package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestCredentials;
import org.treatyregistry.api.support.TestPostgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sustained mixed load on loopback against the registry in its own process, from client threads in this JVM (see
 * {@link LoadGenerator}). In the normal test run it lasts about 20 s and asserts correctness only: no error, every
 * acknowledged write in the store exactly once and in the read models. It never asserts on timing; the figures are
 * printed and written to target/reliability/load-report.txt. The full measurement (docs/reliability.md):
 * {@code ./mvnw -B -pl registry-api test -Dtest=LoadTest -Dregistry.load.seconds=300}.
 */
class LoadTest {

    private static final int SEED_STATES = 8;

    @Test
    void aSustainedMixedLoadIsServedWithoutErrorAndLosesNoWrite() throws Exception {
        long seconds = Long.getLong("registry.load.seconds", 20);
        int threads = Integer.getInteger("registry.load.threads", 8);
        long maxRequests = Long.getLong("registry.load.max-requests", 5_000_000);

        TestPostgres.Database db = TestPostgres.newDatabase();
        EventStore store = new EventStore(db.url(), db.user(), db.password());
        try (RegistryProcess registry = RegistryProcess.postgres("load", db.url(), db.user(), db.password()).start()) {
            Http http = registry.http();
            // states with a full record to read and export
            List<String> readStates = TreatyRecords.STATES.subList(0, SEED_STATES);
            for (int i = 0; i < readStates.size(); i++) {
                Http.Response accepted = http.post("/api/imports", TreatyRecords.importFile(readStates.get(i), i).toString());
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            }
            awaitImports(registry, store, SEED_STATES * 104L);
            registry.awaitCaughtUp(Duration.ofMinutes(3));
            long eventsBefore = store.count();

            LoadGenerator generator = new LoadGenerator(http.base(), TestCredentials.ADMIN, TestCredentials.ADMIN_PASSWORD, readStates,
                    TreatyRecords.STATES.subList(60, 240), threads, Duration.ofSeconds(seconds), maxRequests);
            LoadGenerator.Result result = generator.run();

            String report = "Load run " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores seen by the client JVM, "
                    + "registry pid " + registry.pid() + ", " + eventsBefore + " events before the run\n" + result.table();
            System.out.println(report);
            Files.createDirectories(RegistryProcess.WORK_DIR);
            Files.writeString(RegistryProcess.WORK_DIR.resolve("load-report.txt"), report, StandardCharsets.UTF_8);

            assertThat(result.errorSamples()).as("errors").isEmpty();
            assertThat(result.errors()).isZero();
            assertThat(result.requests()).isPositive();
            assertThat(result.writes()).as("writes acknowledged").isNotEmpty();

            // every acknowledged write is in the event store exactly once (a ratification also opened its obligation)
            Map<String, Long> stored = new HashMap<>();
            for (EventStore.Event e : store.events()) {
                stored.merge(e.stream() + "|" + e.type() + "|" + e.text("symbol"), 1L, Long::sum);
            }
            for (LoadGenerator.Write w : result.writes()) {
                String key = w.stream() + "|" + w.type() + "|" + (w.type().equals("ReportSubmittedEvent") ? w.symbol() : null);
                assertThat(stored.getOrDefault(key, 0L)).as("stored once: " + w).isEqualTo(1);
            }
            long ratifications = result.writes().stream().filter(w -> w.type().equals("TreatyRatifiedEvent")).count();
            assertThat(store.count()).as("nothing but the acknowledged writes (and their obligations)")
                    .isEqualTo(eventsBefore + result.writes().size() + ratifications);
            store.assertConsistent();

            // and in the read models, once they have caught up
            registry.awaitCaughtUp(Duration.ofMinutes(3));
            assertThat(store.eventsMissingFromReadModels()).isZero();
            LoadGenerator.Write last = result.writes().get(result.writes().size() - 1);
            String state = last.stream().split(":")[1];
            JsonNode history = http.get("/api/states/" + state + "/history?size=1000").json();
            assertThat(history.toString()).contains(last.stream());
        }
    }

    private static void awaitImports(RegistryProcess registry, EventStore store, long events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (store.count() < events) {
            assertThat(System.nanoTime()).as("seed imports done: " + store.count() + " of " + events + " events").isLessThan(deadline);
            assertThat(registry.isAlive()).isTrue();
            RegistryProcess.pause(200);
        }
    }
}
