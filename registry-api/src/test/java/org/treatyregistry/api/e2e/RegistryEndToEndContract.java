package org.treatyregistry.api.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestCredentials;
import org.treatyregistry.api.support.RunningRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.treatyregistry.core.shared.LegalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.e2e.Problems.expectProblem;

/**
 * End to end, HTTP to command to event store to projection to HTTP, on the real application. Each store (the embedded
 * default and PostgreSQL) runs this whole contract: see the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistryEndToEndContract {

    private RunningRegistry registry;
    private Http http;

    /** A registry on a fresh, empty store of this kind. */
    abstract RunningRegistry newRegistry(boolean demoData) throws Exception;

    @BeforeAll
    void startWithDemoData() throws Exception {
        registry = newRegistry(true).start();
        http = registry.http();
    }

    @AfterAll
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    @Test
    void kazakhstansCalendarShowsTheDatesTheUnPublished() {
        JsonNode open = http.get("/api/states/KAZ/calendar?asOf=2026-11-22").json();
        JsonNode crpd = item(open, "obligation:KAZ:CRPD", "report:2");
        assertThat(crpd.path("label").asText()).isEqualTo("combined 2nd to 4th periodic reports");
        assertThat(crpd.path("due").asText()).isEqualTo("2029-05-21");
        assertThat(crpd.path("duePrecision").asText()).isEqualTo("DAY");
        assertThat(crpd.path("basisKind").asText()).isEqualTo("COMMITTEE_DECISION");
        assertThat(crpd.path("basis").asText()).isEqualTo("CRPD/C/KAZ/CO/1");
        assertThat(crpd.path("confirmed").asBoolean()).isTrue();
        assertThat(crpd.path("status").asText()).isEqualTo("UPCOMING");
        assertThat(crpd.path("days").asLong()).isEqualTo(911);

        JsonNode all = http.get("/api/states/KAZ/calendar?asOf=2026-11-22&includeClosed=true").json();
        JsonNode iccprInitial = item(all, "obligation:KAZ:ICCPR", "report:1");
        assertThat(iccprInitial.path("due").asText()).isEqualTo("2007-04-24");
        assertThat(iccprInitial.path("basisKind").asText()).isEqualTo("TREATY_RULE");
        assertThat(iccprInitial.path("basis").asText()).startsWith("ICCPR art. 40(1)");
        assertThat(iccprInitial.path("submittedSymbol").asText()).isEqualTo("CCPR/C/KAZ/1");
        JsonNode crpdInitial = item(all, "obligation:KAZ:CRPD", "report:1");
        assertThat(crpdInitial.path("due").asText()).isEqualTo("2017-05-21");
        assertThat(crpdInitial.path("submittedSymbol").asText()).isEqualTo("CRPD/C/KAZ/1");
        assertThat(crpdInitial.path("status").asText()).isEqualTo("REVIEWED");

        JsonNode ratifications = http.get("/api/states/KAZ/ratifications?instrument=ICCPR").json().path("items");
        assertThat(ratifications).hasSize(1);
        assertThat(ratifications.get(0).path("depositedOn").asText()).isEqualTo("2006-01-24");
        assertThat(ratifications.get(0).path("entryIntoForce").asText()).isEqualTo("2006-04-24");

        List<String> bodies = new ArrayList<>();
        http.get("/api/states/KAZ/competences?mechanism=INDIVIDUAL_COMMUNICATIONS").json().path("items")
                .forEach(c -> {
                    if (c.path("status").asText().equals("RECOGNIZED")) {
                        bodies.add(c.path("body").asText());
                    }
                });
        assertThat(bodies).containsExactlyInAnyOrder("CCPR", "CAT", "CEDAW", "CRC", "CRPD", "CERD");
        assertThat(http.get("/api/states/KAZ/upr").json().path("items")).hasSize(4);
    }

    @Test
    void recordingARatificationOpensTheObligationWithItsInitialReportDue() {
        long before = registry.eventCount();
        String body = """
                {"action": "RATIFICATION", "depositedOn": "2010-02-18",
                 "source": {"symbol": "C.N.123.2010.TREATIES-15", "note": "test"}}""";
        Http.Response created = http.post("/api/states/FRA/participations/CRPD/ratification", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("result").asText()).isEqualTo("RECORDED");
        assertThat(created.json().path("streamId").asText()).isEqualTo("participation:FRA:CRPD");
        assertThat(created.json().path("projected").asBoolean()).isTrue();
        // the ratification and the opening of the reporting obligation
        assertThat(registry.eventCount()).isEqualTo(before + 2);

        JsonNode item = item(http.get("/api/states/FRA/calendar?asOf=2011-01-01").json(), "obligation:FRA:CRPD", "report:1");
        assertThat(item.path("due").asText()).isEqualTo("2012-03-20");
        assertThat(item.path("basis").asText()).startsWith("CRPD art. 35(1)-(2): initial report within 2 years");
        assertThat(item.path("status").asText()).isEqualTo("UPCOMING");
        assertThat(http.get("/api/states/FRA/calendar?asOf=2012-03-21").json().path("items").get(0).path("status").asText())
                .isEqualTo("OVERDUE");

        JsonNode history = http.get("/api/states/FRA/history?instrument=CRPD").json().path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("eventType").asText()).isEqualTo("TreatyRatifiedEvent");
        assertThat(history.get(0).path("legalDate").asText()).isEqualTo("2010-02-18");
        assertThat(history.get(0).path("recordedBy").asText()).as("the signed-in user").isEqualTo(TestCredentials.ADMIN);
        assertThat(history.get(0).path("sourceSymbol").asText()).isEqualTo("C.N.123.2010.TREATIES-15");
        assertThat(history.get(0).path("recordedAt").asText()).isNotBlank();
        assertThat(history.get(1).path("eventType").asText()).isEqualTo("ReportingObligationOpenedEvent");

        Http.Response repeated = http.post("/api/states/FRA/participations/CRPD/ratification", body);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("result").asText()).isEqualTo("ALREADY_RECORDED");
        assertThat(registry.eventCount()).isEqualTo(before + 2);
    }

    @Test
    void aCorrectionMovesTheDeadlineAndStaysInTheHistory() {
        http.post("/api/states/NOR/participations/CAT/ratification", """
                {"action": "RATIFICATION", "depositedOn": "1986-07-09"}""");
        JsonNode history = http.get("/api/states/NOR/history?instrument=CAT").json().path("items");
        long ratificationSequence = history.get(0).path("sequenceNumber").asLong();
        Http.Response corrected = http.post("/api/states/NOR/participations/CAT/corrections", """
                {"correctsSequence": %d, "reason": "deposit date misread from the depositary notification",
                 "replacement": {"fact": "ratification", "action": "RATIFICATION", "depositedOn": "1986-07-19"}}"""
                .formatted(ratificationSequence));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

        // CAT entered into force generally on 26 June 1987: a 1986 deposit takes that date either way
        JsonNode ratification = http.get("/api/states/NOR/ratifications?instrument=CAT").json().path("items").get(0);
        assertThat(ratification.path("depositedOn").asText()).isEqualTo("1986-07-19");
        assertThat(ratification.path("entryIntoForce").asText()).isEqualTo("1987-06-26");
        JsonNode after = http.get("/api/states/NOR/history?instrument=CAT").json().path("items");
        assertThat(after).hasSize(3);
        assertThat(after.get(2).path("eventType").asText()).isEqualTo("ParticipationFactCorrectedEvent");
        assertThat(after.get(2).path("correctsSequence").asLong()).isEqualTo(ratificationSequence);
        assertThat(after.get(2).path("correctionReason").asText()).contains("misread");
        assertThat(after.get(0).path("legalDate").asText()).as("the original stays as recorded").isEqualTo("1986-07-09");
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndChangesNothing() {
        http.post("/api/states/DEU/participations/ICCPR/ratification", """
                {"action": "RATIFICATION", "depositedOn": "1973-12-17"}""");
        long before = registry.eventCount();

        expectProblem(http.post("/api/states/XXX/participations/ICCPR/ratification", "{\"action\":\"RATIFICATION\"}"),
                400, "UNKNOWN_STATE", "state");
        expectProblem(http.post("/api/states/DEU/participations/ICXYZ/ratification", "{\"action\":\"RATIFICATION\"}"),
                400, "UNKNOWN_INSTRUMENT", "instrument");
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1992-02-30\"}"), 400, "INVALID_VALUE", "depositedOn");
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1992-03-06\",\"colour\":\"blue\"}"), 400, "UNKNOWN_FIELD", "colour");
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification", "{\"action\":"), 400, "MALFORMED_JSON", null);
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification", "{\"action\":\"ADOPTION\"}"),
                400, "INVALID_VALUE", "action");
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1989-01-01\"}"), 400, "DATE_BEFORE_OPENING", "depositedOn");
        expectProblem(http.post("/api/states/DEU/participations/ICCPR/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1974-01-02\"}"), 409, "ALREADY_PARTY", "instrument");
        expectProblem(http.post("/api/states/DEU/obligations/ICCPR/reports",
                "{\"symbol\":\"CCPR/C/DEU/1\",\"receivedOn\":\"1975-01-01\",\"covers\":{\"from\":1,\"to\":1}}"),
                409, "OBLIGATION_NOT_YET_OPEN", "receivedOn");
        expectProblem(http.post("/api/states/DEU/obligations/ICCPR/concluding-observations",
                "{\"symbol\":\"CCPR/C/DEU/CO/1\",\"adoptedOn\":\"1978-01-01\",\"reviewSession\":\"3rd session\"}"),
                409, "REVIEW_NOT_HELD", "reviewSession");
        expectProblem(http.post("/api/states/DEU/obligations/CRC/reports",
                "{\"symbol\":\"CRC/C/DEU/1\",\"receivedOn\":\"1995-01-01\",\"covers\":{\"from\":1,\"to\":1}}"), 404, "NOT_FOUND", null);
        expectProblem(http.post("/api/states/DEU/obligations/ICCPR/reports",
                "{\"symbol\":\"CCPR/C/DEU/1\",\"receivedOn\":\"1977-01-01\",\"covers\":{\"from\":0,\"to\":1}}"),
                400, "INVALID_COVERAGE", "covers.from");
        expectProblem(http.post("/api/states/DEU/participations/CRC/ratification", "action=RATIFICATION",
                "application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE", null);
        expectProblem(http.get("/api/calendar?asOf=yesterday"), 400, "INVALID_VALUE", "asOf");
        expectProblem(http.get("/api/calendar?status=LATE"), 400, "INVALID_VALUE", "status");

        assertThat(registry.eventCount()).as("nothing was stored").isEqualTo(before);
        assertThat(http.get("/actuator/health").status()).as("the registry keeps serving").isEqualTo(200);
    }

    @Test
    void historyPagesAreSlicesOfTheWholeHistoryWithOrWithoutALegalDateRange() {
        JsonNode everything = http.get("/api/history?size=1000").json();
        List<JsonNode> all = new ArrayList<>();
        everything.path("items").forEach(all::add);
        assertThat(everything.path("total").asLong()).isEqualTo(all.size()).isGreaterThan(50);
        for (String range : List.of("", "&legalFrom=2000-01-01&legalTo=2010-12-31", "&validAt=2005-06-30", "&legalFrom=2016-01-01")) {
            JsonNode whole = http.get("/api/history?size=1000" + range).json();
            List<JsonNode> expected = new ArrayList<>();
            whole.path("items").forEach(expected::add);
            List<JsonNode> paged = new ArrayList<>();
            for (int page = 0; page * 7 < whole.path("total").asLong(); page++) {
                JsonNode p = http.get("/api/history?size=7&page=" + page + range).json();
                assertThat(p.path("total").asLong()).as(range).isEqualTo(whole.path("total").asLong());
                p.path("items").forEach(paged::add);
            }
            assertThat(paged).as("pages of 7" + range).isEqualTo(expected);
            assertThat(http.get("/api/history?size=7&page=1000" + range).json().path("items")).as(range).isEmpty();
        }
        // a range keeps exactly the entries whose legal date (at its precision) overlaps it
        LocalDate from = LocalDate.parse("2000-01-01");
        LocalDate to = LocalDate.parse("2010-12-31");
        List<JsonNode> overlapping = all.stream().filter(e -> e.hasNonNull("legalDate")).filter(e -> {
            LegalDate d = LegalDate.parse(e.path("legalDate").asText());
            return !d.latest().isBefore(from) && !d.earliest().isAfter(to);
        }).toList();
        JsonNode ranged = http.get("/api/history?size=1000&legalFrom=2000-01-01&legalTo=2010-12-31").json();
        List<JsonNode> actual = new ArrayList<>();
        ranged.path("items").forEach(actual::add);
        assertThat(actual).isEqualTo(overlapping).isNotEmpty().hasSizeLessThan(all.size());
    }

    @Test
    void rebuildingEveryProjectionGivesIdenticalResults() {
        List<String> paths = List.of("/api/calendar?asOf=2026-11-22&includeClosed=true&size=1000",
                "/api/calendar?asOf=2015-01-01&size=1000", "/api/history?size=1000", "/api/ratifications",
                "/api/competences", "/api/states/KAZ/upr");
        List<String> before = paths.stream().map(p -> http.get(p).body()).toList();
        // damage the read models, so that only a real replay can restore them
        registry.jdbc().update("DELETE FROM participation_status");
        registry.jdbc().update("DELETE FROM competence_status");
        registry.jdbc().update("UPDATE projected_fact SET recorded_by = 'tampered'");
        assertThat(http.get("/api/ratifications").body()).isNotEqualTo(before.get(3));
        assertThat(http.get("/api/competences").body()).isNotEqualTo(before.get(4));

        Http.Response started = http.post("/api/admin/projections/rebuild", "");
        assertThat(started.status()).isEqualTo(202);
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        JsonNode status = http.get("/api/admin/projections").json();
        assertThat(status.path("position").asLong()).isEqualTo(status.path("head").asLong());
        assertThat(status.path("progress").asDouble()).isEqualTo(1.0);

        List<String> after = paths.stream().map(p -> http.get(p).body()).toList();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        long before = registry.eventCount();
        String demo = new String(getClass().getResourceAsStream("/demo/kazakhstan.json").readAllBytes());
        JsonNode report = awaitImport(http.post("/api/imports", demo));
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("total").asInt()).isGreaterThan(50);
        assertThat(report.path("alreadyRecorded").asInt()).isEqualTo(report.path("total").asInt());
        assertThat(registry.eventCount()).isEqualTo(before);

        String mixed = """
                {"format": "treaty-registry-import/1", "state": "ITA", "records": [
                  {"id": "ok", "fact": "ratification", "instrument": "CEDAW", "action": "RATIFICATION", "depositedOn": "1985-06-10"},
                  {"id": "bad-date", "fact": "ratification", "instrument": "CAT", "action": "RATIFICATION", "depositedOn": "1989-13-12"},
                  {"id": "no-review", "fact": "concluding-observations", "instrument": "CEDAW", "symbol": "CEDAW/C/ITA/CO/1",
                   "adoptedOn": "1997-07-01", "reviewSession": "17th session"},
                  {"id": "ok", "fact": "signature", "instrument": "CAT", "signedOn": "1985-02-04"},
                  {"id": "no-instrument", "fact": "signature", "signedOn": "1985-02-04"}
                ]}""";
        JsonNode results = awaitImport(http.post("/api/imports", mixed));
        assertThat(results.path("recorded").asInt()).isEqualTo(1);
        assertThat(results.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(results.path("rejected").asInt()).isEqualTo(4);
        JsonNode records = results.path("results");
        assertThat(records.get(1).path("errorCode").asText()).isEqualTo("INVALID_VALUE");
        assertThat(records.get(1).path("field").asText()).isEqualTo("depositedOn");
        assertThat(records.get(2).path("errorCode").asText()).isEqualTo("REVIEW_NOT_HELD");
        assertThat(records.get(3).path("errorCode").asText()).isEqualTo("DUPLICATE_ID");
        assertThat(records.get(4).path("errorCode").asText()).isEqualTo("MISSING_FIELD");
        assertThat(records.get(4).path("field").asText()).isEqualTo("instrument");

        expectProblem(http.post("/api/imports", "{\"format\": \"csv\", \"state\": \"ITA\", \"records\": []}"),
                400, "UNSUPPORTED_FORMAT", "format");
    }

    @Test
    void servesItsOpenApiDocumentAndSwaggerUi() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/calendar")).isTrue();
        assertThat(docs.json().path("paths").has("/api/states/{state}/participations/{instrument}/ratification")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        try (RunningRegistry own = newRegistry(true).start()) {
            Http first = own.http();
            first.post("/api/states/CHL/participations/ICERD/ratification", "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1971-10-20\"}");
            String calendar = first.get("/api/calendar?asOf=2020-01-01&includeClosed=true&size=1000").body();
            String history = first.get("/api/history?size=1000").body();
            long events = own.eventCount();

            own.stop();
            own.start();

            Http second = own.http();
            assertThat(own.eventCount()).as("no second demo import, nothing lost").isEqualTo(events);
            assertThat(second.get("/api/calendar?asOf=2020-01-01&includeClosed=true&size=1000").body()).isEqualTo(calendar);
            assertThat(second.get("/api/history?size=1000").body()).isEqualTo(history);
        }
    }

    private JsonNode awaitImport(Http.Response accepted) throws InterruptedException {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        for (int i = 0; i < 600; i++) {
            JsonNode report = http.get("/api/imports/" + id).json();
            if (!report.path("status").asText().equals("RUNNING")) {
                return report;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static JsonNode item(JsonNode page, String obligationId, String itemId) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> i.path("obligationId").asText().equals(obligationId) && i.path("itemId").asText().equals(itemId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + obligationId + " " + itemId + " in " + page));
    }

    static Path tempDir(String prefix) throws Exception {
        return Files.createTempDirectory(prefix);
    }
}
