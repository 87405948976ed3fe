package org.treatyregistry.api.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.badinput.Wire.Reply;
import org.treatyregistry.api.badinput.Wire.Req;
import org.treatyregistry.api.support.RunningRegistry;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One registry per group (test class), started as a user starts it, with the demo record. Every case is refused with
 * an RFC 9457 problem, stores nothing (the event store's row count is unchanged) and leaves the registry serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputSuite {

    protected RunningRegistry registry;
    protected Wire wire;
    protected Path dataDir;

    /**
     * A refusal the registry must give.
     *
     * @param errorCode the expected error code; null when any error code will do (the status is what matters)
     * @param field     the expected field; null when no field applies (then it is not checked)
     */
    record Case(String name, Req req, int status, String errorCode, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case refuse(String name, Req req, int status, String errorCode, String field) {
        return new Case(name, req, status, errorCode, field);
    }

    @BeforeAll
    void startRegistry() throws Exception {
        dataDir = Files.createTempDirectory("registry-badinput-").resolve("data");
        registry = RunningRegistry.embedded(dataDir, true).start();
        wire = new Wire(registry.http().base());
    }

    @AfterAll
    void stopRegistry() {
        try {
            assertServing();
        } finally {
            registry.stop();
        }
    }

    /** Sends the case, checks the problem, that nothing was stored and that the registry still answers. */
    protected Reply assertRefused(Case c) {
        long before = registry.eventCount();
        Reply reply = wire.send(c.req());
        awaitAcceptedImport(reply);
        try {
            assertProblem(reply, c.status(), c.errorCode(), c.field());
        } catch (AssertionError e) {
            throw new AssertionError(c.name() + ": " + e.getMessage(), e);
        }
        assertThat(registry.eventCount()).as("nothing is stored by: " + c.name()).isEqualTo(before);
        assertServing();
        return reply;
    }

    /** An import that was accepted although it should not have been runs in the background: let it finish first. */
    protected JsonNode awaitAcceptedImport(Reply reply) {
        if (reply.status() != 202 || reply.header("Location") == null || !reply.header("Location").startsWith("/api/imports/")) {
            return null;
        }
        for (int i = 0; i < 1200; i++) {
            JsonNode report = wire.get(reply.header("Location")).json();
            if (!report.path("status").asText().equals("RUNNING")) {
                return report;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + reply.header("Location") + " did not finish");
    }

    static void assertProblem(Reply reply, int status, String errorCode, String field) {
        assertThat(reply.status()).as("status; body: " + Wire.abbreviate(reply.body())).isEqualTo(status);
        assertThat(reply.contentType()).as("an RFC 9457 problem; body: " + Wire.abbreviate(reply.body()))
                .startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(reply.body()).isNotBlank();
        if (errorCode == null) {
            assertThat(problem.path("errorCode").asText()).as("an error code; " + Wire.abbreviate(reply.body())).isNotBlank();
        } else {
            assertThat(problem.path("errorCode").asText()).as(Wire.abbreviate(reply.body())).isEqualTo(errorCode);
        }
        if (field != null) {
            assertThat(problem.path("field").asText()).as("the field at fault; " + Wire.abbreviate(reply.body())).isEqualTo(field);
        }
    }

    protected void assertServing() {
        Reply health = wire.get("/actuator/health");
        assertThat(health.status()).as("the registry keeps serving").isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
}
