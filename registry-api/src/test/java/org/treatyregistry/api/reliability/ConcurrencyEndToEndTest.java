package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.e2e.Problems.expectProblem;

/** Retried requests and concurrent writers, on a real PostgreSQL, with requests really in flight at the same time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyEndToEndTest {

    private RunningRegistry registry;
    private Http http;
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeAll
    void start() {
        registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start();
        http = registry.http();
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        registry.stop();
    }

    @Test
    void aRetriedRequestReturnsTheFirstAnswerAndRecordsNothingTwice() {
        String key = UUID.randomUUID().toString();
        String body = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-21\"}";
        Http.Response first = http.post("/api/states/ARG/participations/CRC/ratification", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long events = registry.eventCount();

        Http.Response retry = http.post("/api/states/ARG/participations/CRC/ratification", body, Map.of("Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(registry.eventCount()).isEqualTo(events);

        expectProblem(http.post("/api/states/ARG/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-22\"}", Map.of("Idempotency-Key", key)),
                409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key");
        assertThat(registry.eventCount()).isEqualTo(events);
    }

    @Test
    void concurrentRetriesOfOneRequestAllGetTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2008-01-30\"}";
        long before = registry.eventCount();
        List<Http.Response> answers = together(8, () -> http.post("/api/states/PER/participations/CRPD/ratification", body,
                Map.of("Idempotency-Key", key)));
        assertThat(answers).extracting(Http.Response::status).containsOnly(201);
        assertThat(answers).extracting(Http.Response::body).containsOnly(answers.get(0).body());
        assertThat(answers.get(0).body()).contains("\"result\":\"RECORDED\"");
        assertThat(registry.eventCount()).as("one ratification and one opened obligation").isEqualTo(before + 2);
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentVersion() {
        Http.Response ratified = http.post("/api/states/COL/participations/ICCPR/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1969-10-29\"}");
        long version = ratified.json().path("version").asLong();
        assertThat(ratified.header("ETag")).isEqualTo("\"" + version + "\"");

        Http.Response a = http.post("/api/states/COL/participations/ICCPR/reservations",
                reservation("a"), Map.of("If-Match", "\"" + version + "\""));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().path("version").asLong()).isEqualTo(version + 1);

        Http.Response b = http.post("/api/states/COL/participations/ICCPR/reservations",
                reservation("b"), Map.of("If-Match", "\"" + version + "\""));
        expectProblem(b, 409, "VERSION_CONFLICT", "If-Match");
        assertThat(b.json().path("currentVersion").asLong()).isEqualTo(version + 1);
        assertThat(b.json().path("expectedVersion").asLong()).isEqualTo(version);
        assertThat(http.get("/api/states/COL/ratifications?instrument=ICCPR").json().path("items").get(0).path("reservations"))
                .as("the refused change is not stored").hasSize(1);
        expectProblem(http.post("/api/states/COL/participations/ICCPR/reservations", reservation("c"), Map.of("If-Match", "latest")),
                400, "INVALID_VERSION", "If-Match");
    }

    @RepeatedTest(3)
    void ofTwoWritersFromTheSameVersionExactlyOneWins() throws Exception {
        String state = List.of("ECU", "BOL", "PRY", "VEN", "GUY").get((int) (Math.random() * 5));
        String path = "/api/states/" + state + "/participations/CEDAW/reservations";
        http.post("/api/states/" + state + "/participations/CEDAW/ratification", "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1981-11-09\"}");
        long version = http.get("/api/states/" + state + "/history?instrument=CEDAW").json().path("items").get(0).path("sequenceNumber").asLong();
        List<JsonNode> before = new ArrayList<>();
        http.get("/api/states/" + state + "/history").json().path("items").forEach(before::add);
        long current = before.stream().filter(e -> e.path("streamId").asText().equals("participation:" + state + ":CEDAW"))
                .mapToLong(e -> e.path("sequenceNumber").asLong()).max().orElse(version);
        String[] refs = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        int[] next = {0};
        List<Http.Response> answers = together(2, () -> {
            String ref;
            synchronized (next) {
                ref = refs[next[0]++];
            }
            return http.post(path, reservation(ref), Map.of("If-Match", "\"" + current + "\""));
        });
        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
        Http.Response loser = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().path("currentVersion").asLong()).isEqualTo(current + 1);
    }

    private static String reservation(String reference) {
        return "{\"reference\":\"" + reference + "\",\"kind\":\"DECLARATION\",\"madeOn\":\"2000-01-01\",\"text\":\"test\"}";
    }

    private List<Http.Response> together(int n, Callable<Http.Response> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(clients.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }
}
