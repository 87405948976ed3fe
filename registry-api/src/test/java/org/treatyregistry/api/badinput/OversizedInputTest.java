package org.treatyregistry.api.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Req;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits. Request bodies: 10 MB, the limit application.yml sets for uploads (spring.servlet.multipart.*,
 * server.tomcat.max-swallow-size), applied to JSON bodies too. Import files: 10 MB and 20,000 records
 * (registry.import.max-records). Text fields the domain checks: 2,000 characters. Headers: Tomcat's 8 KB. JSON nesting:
 * Jackson's StreamReadConstraints, 1,000 levels; deeper documents are refused at once, not parsed.
 */
class OversizedInputTest extends BadInputSuite {

    private static final int MB = 1024 * 1024;

    static Stream<Case> oversized() {
        String longText = "x".repeat(2001);
        return Stream.of(
                // DEFECT: no limit on JSON bodies; answered 201 RECORDED and stored a 12 MB source note in the event store
                refuse("JSON body of 12 MB", Req.post("/api/states/PRT/participations/CRC/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-09-21\",\"source\":{\"note\":\"" + "n".repeat(12 * MB) + "\"}}"), 413, null, null),
                // DEFECT: no limit on JSON bodies; answered 202 and imported the record with its 12 MB note
                refuse("JSON import body of 12 MB", Req.post("/api/imports", "{\"format\":\"treaty-registry-import/1\",\"state\":\"ESP\",\"records\":["
                        + "{\"id\":\"big\",\"fact\":\"signature\",\"instrument\":\"CRC\",\"signedOn\":\"1990-01-26\",\"source\":{\"note\":\"" + "n".repeat(12 * MB) + "\"}}]}"),
                        413, null, null),
                refuse("multipart import file of 11 MB", Wire.multipartPost("/api/imports", "file", "big.json",
                        ("{\"format\":\"treaty-registry-import/1\",\"state\":\"ESP\",\"title\":\"" + "t".repeat(11 * MB) + "\",\"records\":[]}").getBytes(StandardCharsets.UTF_8)),
                        413, "PAYLOAD_TOO_LARGE", null),
                refuse("import of 20,001 records", Req.post("/api/imports", manyRecords(20_001)), 400, "IMPORT_TOO_LARGE", "records"),
                refuse("multipart import of 20,001 records", Wire.multipartPost("/api/imports", "file", "many.json", manyRecords(20_001).getBytes(StandardCharsets.UTF_8)),
                        400, "IMPORT_TOO_LARGE", "records"),
                refuse("report symbol of 2,001 characters", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"" + longText + "\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}"), 400, "FIELD_TOO_LONG", "symbol"),
                refuse("review session of 2,001 characters", Req.post("/api/states/KAZ/obligations/CRPD/reviews",
                        "{\"session\":\"" + longText + "\",\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":true}"), 400, "FIELD_TOO_LONG", "session"),
                refuse("revision reason of 2,001 characters", Req.post("/api/states/KAZ/obligations/CRPD/due-date-revisions",
                        "{\"itemId\":\"report:5\",\"newDue\":\"2034-01-01\",\"reason\":\"" + longText + "\"}"), 400, "FIELD_TOO_LONG", "reason"),
                refuse("reservation reference of 2,001 characters", Req.post("/api/states/KAZ/participations/CRPD/reservations",
                        "{\"reference\":\"" + longText + "\",\"kind\":\"DECLARATION\",\"madeOn\":\"2015-02-21\"}"), 400, "FIELD_TOO_LONG", "reference"),
                // DEFECT: Tomcat refuses the oversized header with its own text/html 400 page, not a problem
                refuse("Idempotency-Key of 20,000 characters (over the 8 KB header limit)", Req.post("/api/states/NOR/participations/CRC/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1991-01-08\"}").header("Idempotency-Key", "k".repeat(20_000)), 400, null, null));
    }

    static Stream<Case> deeplyNested() {
        String ratify = "/api/states/NOR/participations/CRC/ratification";
        return Stream.of(
                refuse("10,000 nested arrays as the body", Req.post(ratify, arrays(10_000)), 400, "INVALID_VALUE", null),
                refuse("10,000 nested arrays in a field", Req.post(ratify, "{\"action\":\"RATIFICATION\",\"source\":{\"note\":" + arrays(10_000) + "}}"), 400, "MALFORMED_JSON", null),
                refuse("10,000 nested objects", Req.post(ratify, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), 400, "MALFORMED_JSON", null),
                refuse("100,000 nested arrays in a field", Req.post(ratify, "{\"source\":" + arrays(100_000) + "}"), 400, "MALFORMED_JSON", null),
                refuse("1,001 levels (one past the limit)", Req.post(ratify, "{\"source\":{\"note\":" + arrays(999) + "}}"), 400, "MALFORMED_JSON", null),
                refuse("900 nested arrays (under the limit) where text is expected", Req.post(ratify,
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1991-01-08\",\"source\":{\"note\":" + arrays(900) + "}}"), 400, "INVALID_VALUE", "source.note"),
                refuse("10,000 nested arrays as the import body", Req.post("/api/imports", arrays(10_000)), 400, "MALFORMED_JSON", null),
                refuse("10,000 nested arrays in an import record", Req.post("/api/imports",
                        "{\"format\":\"treaty-registry-import/1\",\"state\":\"NOR\",\"records\":[" + arrays(10_000) + "]}"), 400, "MALFORMED_JSON", null),
                refuse("10,000 nested arrays as an import file", Wire.multipartPost("/api/imports", "file", "deep.json", arrays(10_000).getBytes(StandardCharsets.UTF_8)),
                        400, "MALFORMED_JSON", "file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    @Timeout(120)
    void oversizedInputIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNested")
    @Timeout(60)
    void deeplyNestedJsonIsRefusedAtOnce(Case c) {
        long started = System.nanoTime();
        assertRefused(c);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without parsing the depth").isLessThan(Duration.ofSeconds(10));
    }

    private static String arrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String manyRecords(int n) {
        StringJoiner records = new StringJoiner(",", "{\"format\":\"treaty-registry-import/1\",\"state\":\"ESP\",\"records\":[", "]}");
        for (int i = 0; i < n; i++) {
            records.add("{\"id\":\"r" + i + "\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}");
        }
        return records.toString();
    }
}
