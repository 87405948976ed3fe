package org.treatyregistry.api.export;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.e2e.Problems.expectProblem;

/** The exports as a liaison officer's calendar client and spreadsheet read them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportEndToEndTest {

    private RunningRegistry registry;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        registry = RunningRegistry.embedded(Files.createTempDirectory("registry-export-").resolve("data"), true).start();
        http = registry.http();
    }

    @AfterAll
    void stop() {
        registry.stop();
    }

    @Test
    void theIcsFeedParsesBackWithStableUidsDatesAndStatuses() {
        Http.Response response = http.get("/api/states/KAZ/calendar.ics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        ICalendar ics = Biweekly.parse(response.body()).first();
        assertThat(ics).as("an independent parser reads the feed").isNotNull();
        assertThat(ics.getEvents()).isNotEmpty();
        for (VEvent event : ics.getEvents()) {
            assertThat(event.getUid().getValue()).endsWith("@treaty-registry");
            assertThat(event.getDateStart().getValue().hasTime()).as("all-day").isFalse();
            assertThat(event.getStatus().getValue()).isIn("TENTATIVE", "CONFIRMED");
            assertThat(event.getSequence()).isNotNull();
            assertThat(event.getLastModified()).isNotNull();
        }
        assertThat(Pattern.compile("^DTSTAMP", Pattern.MULTILINE).matcher(response.body()).results().count())
                .as("one DTSTAMP per event").isEqualTo(ics.getEvents().size());

        VEvent crpd = event(ics, "obligation:KAZ:CRPD/report:2@treaty-registry");
        assertThat(day(crpd.getDateStart().getValue())).isEqualTo(LocalDate.of(2029, 5, 21));
        assertThat(crpd.getStatus().getValue()).as("set by CRPD/C/KAZ/CO/1").isEqualTo("CONFIRMED");
        assertThat(crpd.getDescription().getValue()).contains("CRPD/C/KAZ/CO/1").contains("/api/states/KAZ/calendar");
        assertThat(crpd.getAlarms()).extracting(a -> a.getTrigger().getDuration().toString()).containsExactly("-P30D", "-P7D");

        VEvent tentative = ics.getEvents().stream().filter(e -> e.getStatus().getValue().equals("TENTATIVE")).findFirst().orElseThrow();
        assertThat(tentative.getDescription().getValue()).contains("treaty rule: tentative");

        VEvent approximate = ics.getEvents().stream()
                .filter(e -> e.getExperimentalProperty("X-TREATY-REGISTRY-PRECISION").getValue().equals("YEAR"))
                .findFirst().orElseThrow(() -> new AssertionError("the demo record has year-precision items"));
        LocalDate start = day(approximate.getDateStart().getValue());
        assertThat(start.getMonthValue()).as("the last day of the year").isEqualTo(12);
        assertThat(start.getDayOfMonth()).isEqualTo(31);
        assertThat(approximate.getSummary().getValue()).contains("approximate");

        assertThat(http.get("/api/states/KAZ/calendar.ics").body()).as("the same registry gives the same feed").isEqualTo(response.body());
    }

    @Test
    void aMovedDueDateKeepsItsUidWithAHigherSequence() throws InterruptedException {
        http.post("/api/states/BRA/participations/CRPD/ratification", "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2008-08-01\"}");
        String uid = "obligation:BRA:CRPD/report:1@treaty-registry";
        VEvent before = event(Biweekly.parse(http.get("/api/states/BRA/calendar.ics").body()).first(), uid);
        assertThat(day(before.getDateStart().getValue())).isEqualTo(LocalDate.of(2010, 8, 31));
        assertThat(before.getSequence().getValue()).isZero();
        assertThat(before.getStatus().getValue()).isEqualTo("TENTATIVE");

        // iCalendar times have a resolution of one second: move the date in a later second than the ratification
        Thread.sleep(1005 - System.currentTimeMillis() % 1000);
        Http.Response revised = http.post("/api/states/BRA/obligations/CRPD/due-date-revisions",
                "{\"itemId\":\"report:1\",\"newDue\":\"2011-03-31\",\"reason\":\"extension granted\",\"decisionSymbol\":\"CRPD/C/5/2\"}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);

        VEvent after = event(Biweekly.parse(http.get("/api/states/BRA/calendar.ics").body()).first(), uid);
        assertThat(day(after.getDateStart().getValue())).isEqualTo(LocalDate.of(2011, 3, 31));
        assertThat(after.getSequence().getValue()).isEqualTo(1);
        assertThat(after.getLastModified().getValue()).isAfter(before.getLastModified().getValue());
        assertThat(after.getStatus().getValue()).as("a committee decision").isEqualTo("CONFIRMED");
    }

    @Test
    void theFeedTakesTheApiFilters() {
        ICalendar crpdOnly = Biweekly.parse(http.get("/api/states/KAZ/calendar.ics?instrument=CRPD&alarms=").body()).first();
        assertThat(crpdOnly.getEvents()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getUid().getValue()).startsWith("obligation:KAZ:CRPD/");
            assertThat(e.getAlarms()).isEmpty();
        });
        ICalendar cerd = Biweekly.parse(http.get("/api/calendar.ics?body=CERD&kind=REPORT").body()).first();
        assertThat(cerd.getEvents()).isNotEmpty().allSatisfy(e -> assertThat(e.getCategories().get(0).getValues()).contains("CERD", "REPORT"));
        expectProblem(http.get("/api/states/KAZ/calendar.ics?body=UNICEF"), 400, "UNKNOWN_TREATY_BODY", "body");
        expectProblem(http.get("/api/states/KAZ/calendar.ics?alarms=soon"), 400, "INVALID_VALUE", "alarms");
        expectProblem(http.get("/api/states/KAZ/calendar.ics?kind=MEETING"), 400, "INVALID_VALUE", "kind");
    }

    @Test
    void theCalendarCsvIsRfc4180WithTheSameRowsAsTheApi() throws Exception {
        Http.Response csv = http.get("/api/states/KAZ/calendar.csv?asOf=2026-11-22&includeClosed=true");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.body()).startsWith("uid,state,instrument,body,bodyName,obligationId,itemId,kind,label,covers,due,");
        assertThat(csv.body().split("\r\n", -1)).as("CRLF line ends").hasSizeGreaterThan(2);
        assertThat(csv.body().replace("\r\n", "")).doesNotContain("\n");

        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<JsonNode> rows;
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class)
                .with(mapper.schemaWithHeader()).readValues(csv.body())) {
            rows = it.readAll();
        }
        JsonNode api = http.get("/api/states/KAZ/calendar?asOf=2026-11-22&includeClosed=true&size=1000").json();
        assertThat(rows).hasSize(api.path("total").asInt());
        JsonNode crpd = rows.stream().filter(r -> r.path("uid").asText().equals("obligation:KAZ:CRPD/report:2")).findFirst().orElseThrow();
        assertThat(crpd.path("due").asText()).isEqualTo("2029-05-21");
        assertThat(crpd.path("basis").asText()).isEqualTo("CRPD/C/KAZ/CO/1");
        assertThat(crpd.path("bodyName").asText()).isEqualTo("Committee on the Rights of Persons with Disabilities");

        Http.Response overdueOnly = http.get("/api/calendar.csv?state=KAZ&status=OVERDUE&asOf=2026-11-22");
        assertThat(overdueOnly.body().lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",OVERDUE,"));
    }

    @Test
    void ratificationsAndHistoryExportAsCsvAndJson() {
        Http.Response ratifications = http.get("/api/states/KAZ/ratifications.csv");
        assertThat(ratifications.body()).startsWith("state,instrument,instrumentTitle,body,signedOn,action,depositedOn,entryIntoForce,");
        assertThat(ratifications.body()).contains("KAZ,ICCPR,\"International Covenant on Civil and Political Rights\",CCPR,");
        assertThat(ratifications.body().split("\r\n")).hasSize(1 + http.get("/api/states/KAZ/ratifications").json().path("items").size());

        Http.Response history = http.get("/api/states/KAZ/history.csv?instrument=CRPD");
        assertThat(history.body()).startsWith("globalIndex,streamId,streamType,sequenceNumber,state,body,instrument,eventType,legalDate,");
        JsonNode json = http.get("/api/states/KAZ/history.json?instrument=CRPD").json();
        assertThat(history.body().split("\r\n")).hasSize(1 + json.size());
        assertThat(json.get(0).path("instrument").asText()).isEqualTo("CRPD");

        JsonNode calendar = http.get("/api/states/KAZ/calendar.json?asOf=2026-11-22").json();
        assertThat(calendar.size()).isEqualTo(http.get("/api/states/KAZ/calendar?asOf=2026-11-22").json().path("total").asInt());
    }

    private static VEvent event(ICalendar ics, String uid) {
        return ics.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }

    private static LocalDate day(Date date) {
        // biweekly gives all-day dates as local midnight
        return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
}
