package org.treatyregistry.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestCredentials;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What an auditor relies on, against a real PostgreSQL: as-of views, corrections, provenance, the log, the chain. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RunningRegistry registry;
    private Http http;

    @BeforeAll
    void start() {
        registry = RunningRegistry.postgres(TestPostgres.newDatabase(), true).start();
        http = registry.http();
    }

    @AfterAll
    void stop() {
        registry.stop();
    }

    @Test
    void asOfViewsSeparateWhatWasDueInLawFromWhatTheRegistryKnew() throws Exception {
        http.post("/api/states/URY/participations/CRPD/ratification", "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2009-02-11\","
                + "\"source\":{\"symbol\":\"C.N.99.2009.TREATIES-15\"}}");
        long sequence = http.get("/api/states/URY/history?instrument=CRPD").json().path("items").get(0).path("sequenceNumber").asLong();
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);
        Http.Response corrected = http.post("/api/states/URY/participations/CRPD/corrections", """
                {"correctsSequence": %d, "reason": "the depositary notification gives 11 March",
                 "source": {"symbol": "C.N.120.2009.TREATIES-15"},
                 "replacement": {"fact": "ratification", "action": "RATIFICATION", "depositedOn": "2009-03-11"}}""".formatted(sequence));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

        // the projections use the corrected value
        assertThat(ratification("/api/states/URY/ratifications?instrument=CRPD").path("depositedOn").asText()).isEqualTo("2009-03-11");
        assertThat(item("/api/states/URY/calendar?instrument=CRPD&validAt=2011-01-01").path("due").asText()).isEqualTo("2011-04-10");
        // what the registry showed before the correction
        assertThat(ratification("/api/states/URY/ratifications?instrument=CRPD&recordedAt=" + beforeCorrection).path("depositedOn").asText())
                .isEqualTo("2009-02-11");
        assertThat(item("/api/states/URY/calendar?instrument=CRPD&validAt=2011-01-01&recordedAt=" + beforeCorrection).path("due").asText())
                .isEqualTo("2011-03-13");
        // what was the law on a day before the deposit: not yet a party, nothing due
        assertThat(http.get("/api/states/URY/ratifications?instrument=CRPD&validAt=2009-01-01").json().path("items")).isEmpty();
        assertThat(http.get("/api/states/URY/calendar?instrument=CRPD&validAt=2009-01-01").json().path("total").asInt()).isZero();
        // the history keeps both, who recorded them, when, and why
        JsonNode history = http.get("/api/states/URY/history?instrument=CRPD").json().path("items");
        JsonNode original = history.get(0);
        JsonNode correction = history.get(history.size() - 2);
        JsonNode followed = history.get(history.size() - 1);
        assertThat(original.path("legalDate").asText()).isEqualTo("2009-02-11");
        assertThat(original.path("sourceSymbol").asText()).isEqualTo("C.N.99.2009.TREATIES-15");
        assertThat(correction.path("eventType").asText()).isEqualTo("ParticipationFactCorrectedEvent");
        assertThat(correction.path("correctsSequence").asLong()).isEqualTo(sequence);
        assertThat(correction.path("correctionReason").asText()).isEqualTo("the depositary notification gives 11 March");
        assertThat(correction.path("recordedBy").asText()).as("the signed-in user").isEqualTo(TestCredentials.ADMIN);
        assertThat(Instant.parse(correction.path("recordedAt").asText())).isAfter(beforeCorrection);
        // the reporting obligation follows the corrected entry into force, by a correction of its own, by the same user
        assertThat(followed.path("eventType").asText()).isEqualTo("ReportingFactCorrectedEvent");
        assertThat(followed.path("streamId").asText()).isEqualTo("obligation:URY:CRPD");
        assertThat(followed.path("correctionReason").asText()).contains("entry into force corrected");
        assertThat(followed.path("recordedBy").asText()).as("the signed-in user").isEqualTo(TestCredentials.ADMIN);
        assertThat(http.get("/api/states/URY/history?instrument=CRPD&recordedAt=" + beforeCorrection).json().path("items"))
                .as("the history as recorded before the correction").hasSize(history.size() - 2);
    }

    @Test
    void everyEventCarriesItsProvenance() {
        JsonNode demo = http.get("/api/states/KAZ/history?instrument=CRPD").json().path("items").get(0);
        assertThat(demo.path("recordedBy").asText()).isEqualTo("system:demo-import");
        assertThat(demo.path("importBatch").asText()).isNotBlank();
        assertThat(demo.path("sourceLocator").asText()).isNotBlank();
        String log = http.get("/api/audit/events.jsonl?state=KAZ").body();
        JsonNode first = readLines(log).get(0);
        assertThat(first.path("metaData").path("recordedBy").asText()).isEqualTo("system:demo-import");
        assertThat(first.path("metaData").has("importBatch")).isTrue();
        assertThat(readLines(log)).allSatisfy(line -> assertThat(line.path("metaData").path("recordedBy").asText()).isNotBlank());
    }

    @Test
    void theChainPinpointsAnAlteredByteADeletedRowAndReorderedRows() {
        JsonNode intact = http.get("/api/audit/verification").json();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("eventsChecked").asLong()).isEqualTo(registry.eventCount());
        long target = registry.jdbc().queryForObject("SELECT MIN(global_index) + 20 FROM domain_event_entry", Long.class);

        // one byte of one payload
        byte[] payload = registry.jdbc().queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, target);
        byte[] altered = payload.clone();
        altered[altered.length / 2] ^= 0x01;
        registry.jdbc().update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", altered, target);
        expectBroken("ALTERED", target);
        registry.jdbc().update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, target);
        assertThat(http.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();

        // a deleted row
        Map<String, Object> row = registry.jdbc().queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", target);
        registry.jdbc().update("DELETE FROM domain_event_entry WHERE global_index = ?", target);
        expectBroken("MISSING", target);
        registry.jdbc().update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"), row.get("sequence_number"),
                row.get("type"), row.get("time_stamp"), row.get("payload_type"), row.get("payload_revision"), row.get("payload"),
                row.get("meta_data"));
        assertThat(http.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();

        // two rows swapped in the order
        long other = target + 5;
        swap(target, other);
        expectBroken("REPLACED", target);
        swap(target, other);
        assertThat(http.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
    }

    @Test
    void theEventLogReimportedIntoAnEmptyStoreReproducesEveryProjection() throws Exception {
        String log = http.get("/api/audit/events.jsonl").body();
        assertThat(readLines(log)).hasSize((int) registry.eventCount());
        List<String> views = List.of("/api/calendar?validAt=2026-11-22&includeClosed=true&size=1000", "/api/calendar?validAt=2012-06-30&size=1000",
                "/api/ratifications", "/api/competences", "/api/states/KAZ/upr", "/api/history?size=1000");
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String view : views) {
            before.put(view, withoutStorePositions(http.get(view).json()));
        }

        try (RunningRegistry copy = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            Http target = copy.http();
            Http.Response imported = target.post("/api/admin/event-log", log, "application/x-ndjson");
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(copy.eventCount()).isEqualTo(registry.eventCount());
            assertThat(copy.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            for (String view : views) {
                assertThat(withoutStorePositions(target.get(view).json())).as(view).isEqualTo(before.get(view));
            }
            assertThat(target.get("/api/audit/verification").json().path("intact").asBoolean()).isTrue();
            Http.Response again = target.post("/api/admin/event-log", log, "application/x-ndjson");
            assertThat(again.status()).as("a second import is refused").isEqualTo(409);
        }
    }

    @Test
    void anImportedFactFiledUnderAnotherStatesStreamIsRefused() {
        String log = http.get("/api/audit/events.jsonl").body();
        String marker = "\"aggregateIdentifier\":\"participation:KAZ:";
        assertThat(log).contains(marker);
        // the history finds a state's events by their streams' identifiers, so a fact must be filed under its own state's
        String misfiled = log.replaceFirst(java.util.regex.Pattern.quote(marker), "\"aggregateIdentifier\":\"participation:UZB:");
        try (RunningRegistry copy = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            Http.Response refused = copy.http().post("/api/admin/event-log", misfiled, "application/x-ndjson");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errorCode").asText()).isEqualTo("INVALID_EVENT");
            assertThat(refused.json().path("detail").asText()).contains("participation:UZB:")
                    .contains("is not the registry's name for a stream of KAZ's");
            assertThat(copy.eventCount()).as("nothing imported").isZero();
        }
    }

    @Test
    void anImportedFactFiledUnderAnInstrumentsAliasIsRefused() {
        String log = http.get("/api/audit/events.jsonl").body();
        String marker = "\"aggregateIdentifier\":\"participation:KAZ:CPED\"";
        assertThat(log).contains(marker);
        // CED is an alias of CPED: the stream would be CPED's everywhere but in the history's filters, which read the name
        String aliased = log.replace(marker, "\"aggregateIdentifier\":\"participation:KAZ:CED\"");
        try (RunningRegistry copy = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            Http.Response refused = copy.http().post("/api/admin/event-log", aliased, "application/x-ndjson");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("detail").asText()).contains("participation:KAZ:CED").contains("(that is participation:KAZ:CPED)");
            assertThat(copy.eventCount()).as("nothing imported").isZero();
        }
    }

    @Test
    void theAuditPackVerifiesOffline() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(http.getBytes("/api/states/KAZ/audit-pack?date=2020-01-01")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName().substring(entry.getName().indexOf('/') + 1), zip.readAllBytes());
            }
        }
        assertThat(files).containsKeys("obligations.json", "obligations.csv", "events.jsonl", "chain-verification.json",
                "verify_chain.py", "README.txt", "MANIFEST.sha256");
        // 1. the manifest
        for (String line : new String(files.get("MANIFEST.sha256"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(files.get(parts[1])))).as(parts[1]).isEqualTo(parts[0]);
        }
        // 2. every event's hash, recomputed from the documented recipe
        List<JsonNode> events = readLines(new String(files.get("events.jsonl"), StandardCharsets.UTF_8));
        assertThat(events).isNotEmpty();
        for (JsonNode e : events) {
            assertThat(recipe(e)).as("event " + e.path("globalIndex")).isEqualTo(e.path("chain").path("hash").asText());
        }
        // ... and with the script shipped in the pack
        Path dir = Files.createTempDirectory("audit-pack-");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Process python = new ProcessBuilder("python3", "verify_chain.py", "events.jsonl").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output).contains(events.size() + " events checked: every hash matches");
        // 3. the registry's verdict, and the obligations as of the date
        assertThat(JSON.readTree(files.get("chain-verification.json")).path("intact").asBoolean()).isTrue();
        JsonNode obligations = JSON.readTree(files.get("obligations.json"));
        assertThat(obligations.path("validAt").asText()).isEqualTo("2020-01-01");
        assertThat(obligations.path("items")).allSatisfy(i -> assertThat(i.path("state").asText()).isEqualTo("KAZ"));
        assertThat(obligations.path("items").findValuesAsText("obligationId")).doesNotContain("obligation:KAZ:OP-CRPD");
    }

    private static String recipe(JsonNode e) throws Exception {
        String sep = "\u001f";
        String content = String.join(sep, e.path("chain").path("previousHash").asText(), e.path("globalIndex").asText(),
                e.path("eventIdentifier").asText(), e.path("aggregateIdentifier").asText(), e.path("sequenceNumber").asText(),
                e.path("aggregateType").asText(""), e.path("timestamp").asText(), e.path("eventType").asText(),
                e.path("revision").isNull() ? "" : e.path("revision").asText(""),
                Base64.getEncoder().encodeToString(e.path("storedPayload").asText().getBytes(StandardCharsets.UTF_8)),
                e.path("storedMetaData").isNull() ? "" : Base64.getEncoder().encodeToString(e.path("storedMetaData").asText().getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private void expectBroken(String problem, long at) {
        JsonNode result = http.get("/api/audit/verification").json();
        assertThat(result.path("intact").asBoolean()).isFalse();
        assertThat(result.path("problem").asText()).as(result.toString()).isEqualTo(problem);
        assertThat(result.path("firstProblemAt").asLong()).isEqualTo(at);
        assertThat(result.path("eventsChecked").asLong()).isLessThan(registry.eventCount());
    }

    private void swap(long a, long b) {
        registry.jdbc().update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", a);
        registry.jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", a, b);
        registry.jdbc().update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", b);
    }

    private JsonNode ratification(String path) {
        JsonNode items = http.get(path).json().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private JsonNode item(String path) {
        JsonNode items = http.get(path).json().path("items");
        assertThat(items).isNotEmpty();
        return items.get(0);
    }

    private static List<JsonNode> readLines(String jsonl) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    /** Global positions and import batch ids are the store's own; everything else must be identical. */
    private static JsonNode withoutStorePositions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("globalIndex"));
            node.forEach(AuditEndToEndTest::strip);
        } else if (node.isArray()) {
            node.forEach(AuditEndToEndTest::strip);
        }
    }
}
