package org.treatyregistry.api.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under a running registry and comes back (same data directory, same port): a PostgreSQL of this
 * test's own, so that it can be stopped and started (the other tests share one that must stay up).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String RATIFICATION = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2010-06-15\"}";

    private final Path dataDir = RegistryProcess.WORK_DIR.resolve("pg-" + UUID.randomUUID()).toAbsolutePath();
    private final int pgPort = RegistryProcess.freePort();
    private EmbeddedPostgres postgres;
    private EventStore store;
    private RegistryProcess registry;

    @BeforeAll
    void start() throws Exception {
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE registry");
        }
        String url = postgres.getJdbcUrl("postgres", "registry");
        store = new EventStore(url, "postgres", "postgres");
        registry = RegistryProcess.postgres("db-restart", url, "postgres", "postgres").start();
    }

    @AfterAll
    void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(pgPort)
                .setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    @Test
    void theRegistryRidesOutADatabaseRestart() throws Exception {
        Http http = registry.http();
        List<String> acknowledged = new ArrayList<>();
        for (String state : List.of("FIN", "EST", "LVA", "LTU")) {
            Http.Response r = http.post("/api/states/" + state + "/participations/CRPD/ratification", RATIFICATION);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            acknowledged.add(r.json().path("streamId").asText());
        }
        registry.awaitCaughtUp(PATIENCE);
        long eventsBefore = store.count();

        // PostgreSQL stops (a fast shutdown: connections are cut). A write sent now, and health polled meanwhile
        long stoppedAt = System.nanoTime();
        postgres.close();
        CompletableFuture<Http.Response> outageWrite = CompletableFuture.supplyAsync(
                () -> http.post("/api/states/SWE/participations/CRPD/ratification", RATIFICATION));
        Http.Response down = awaitHealth(503, "DOWN");
        long downAfter = millisSince(stoppedAt);
        Http.Response failed = outageWrite.get();
        long writeFailedAfter = millisSince(stoppedAt);

        // PostgreSQL comes back on the same data and port: the registry recovers by itself
        long restartedAt = System.nanoTime();
        postgres = startPostgres();
        awaitHealth(200, "UP");
        long upAfter = millisSince(restartedAt);
        Http.Response after = http.post("/api/states/NOR/participations/CRPD/ratification", RATIFICATION);
        CaughtUp caughtUp = new CaughtUp(registry.awaitCaughtUp(PATIENCE).toString(), millisSince(restartedAt));

        System.out.printf("database restart: health DOWN %d ms after the stop (%s); outage write answered %d after %d ms: %s; "
                        + "health UP %d ms after the restart; first write %d; caught up after %d ms: %s%n", downAfter, down.body(),
                failed.status(), writeFailedAfter, failed.body(), upAfter, after.status(), caughtUp.millis(), caughtUp.status());

        assertThat(down.json().path("components").path("db").path("status").asText()).isEqualTo("DOWN");
        assertThat(failed.status()).as("a write during the outage is not acknowledged: " + failed.body()).isNotIn(200, 201);
        // how it is refused is checked softly, at the end, after what matters more: nothing lost, recovery
        SoftAssertions refusal = new SoftAssertions();
        refusal.assertThat(failed.status()).as("a write during the outage fails with a 5xx: " + failed.body()).isBetween(500, 599);
        refusal.assertThat(failed.contentType()).as("as a problem: " + failed.body()).startsWith("application/problem+json");
        assertThat(after.status()).as("the first write after the database is back: " + after.body()).isEqualTo(201);

        // nothing acknowledged before the outage is lost, the write refused during it is not stored, and the read
        // models take in what came after
        List<EventStore.Event> events = store.events();
        for (String stream : acknowledged) {
            assertThat(events).as(stream).anyMatch(e -> e.stream().equals(stream) && e.type().equals("TreatyRatifiedEvent"));
        }
        assertThat(events).noneMatch(e -> e.stream().startsWith("participation:SWE:"));
        assertThat(store.count()).isEqualTo(eventsBefore + 2);
        store.assertConsistent();
        assertThat(store.eventsMissingFromReadModels()).isZero();
        assertThat(http.get("/api/states/NOR/calendar?validAt=2015-01-01").json().path("items").toString()).contains("obligation:NOR:CRPD");
        refusal.assertAll();
    }

    private record CaughtUp(String status, long millis) {
    }

    /** Polls /actuator/health until it answers this status code and health status. */
    private Http.Response awaitHealth(int code, String status) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            try {
                // as a load balancer asks: without credentials
                last = registry.http().anonymous().get("/actuator/health");
                if (last.status() == code && status.equals(last.json().path("status").asText())) {
                    return last;
                }
            } catch (UncheckedIOException e) {
                throw new AssertionError("the registry stopped answering", e);
            }
            RegistryProcess.pause(250);
        }
        throw new AssertionError("health not " + code + " " + status + " within " + PATIENCE + ": " + (last == null ? null : last.body()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
