package org.treatyregistry.api.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Reply;
import org.treatyregistry.api.badinput.Wire.Req;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import (docs/import-format.md), as a JSON body and as an uploaded file: a bad file is refused at once with a
 * problem; a good file with bad records is accepted and reports each of them REJECTED with its error code and field,
 * and stores nothing. A file's name is never used: traversal in it touches no file.
 */
class ImportBadInputTest extends BadInputSuite {

    private static final String IMPORTS = "/api/imports";
    private static final String BOUNDARY = "----treaty-registry-bad-input-7f3a";

    static Stream<Case> badFiles() {
        return Stream.of(
                refuse("not an object: array", Req.post(IMPORTS, "[]"), 400, "MALFORMED_IMPORT", null),
                refuse("not an object: string", Req.post(IMPORTS, "\"KAZ\""), 400, "MALFORMED_IMPORT", null),
                refuse("unsupported format", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/2\",\"state\":\"FRA\",\"records\":[]")), 400, "UNSUPPORTED_FORMAT", "format"),
                refuse("format missing", Req.post(IMPORTS, doc("\"state\":\"FRA\",\"records\":[]")), 400, "UNSUPPORTED_FORMAT", "format"),
                refuse("format as a number", Req.post(IMPORTS, doc("\"format\":1,\"state\":\"FRA\",\"records\":[]")), 400, "UNSUPPORTED_FORMAT", "format"),
                refuse("unknown state", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"XXX\",\"records\":[]")), 400, "UNKNOWN_STATE", "state"),
                refuse("state missing", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"records\":[]")), 400, "UNKNOWN_STATE", "state"),
                refuse("records an object", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"FRA\",\"records\":{}")), 400, "MALFORMED_IMPORT", "records"),
                refuse("records a string", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"FRA\",\"records\":\"all\"")), 400, "MALFORMED_IMPORT", "records"),
                refuse("records missing", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"FRA\"")), 400, "MALFORMED_IMPORT", "records"),
                // DEFECT: answered 202 and imported (the trailing text is ignored)
                refuse("trailing garbage after the document", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"FIN\",\"records\":["
                        + "{\"id\":\"s\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]") + " trailing"), 400, "MALFORMED_JSON", null),
                // DEFECT: answered 202 and imported the record for the last state named
                refuse("duplicate key in the envelope", Req.post(IMPORTS, "{\"format\":\"treaty-registry-import/1\",\"state\":\"BEL\",\"state\":\"AUT\",\"records\":["
                        + "{\"id\":\"s\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]}"), 400, null, null),
                // DEFECT: answered 202 and imported the record with the last date
                refuse("duplicate key in a record", Req.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"CHE\",\"records\":["
                        + "{\"id\":\"s\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\",\"signedOn\":\"1985-12-04\"}]")), 400, null, null),
                refuse("uploaded file that is not JSON", Wire.multipartPost(IMPORTS, "file", "record.json", "state,instrument\nFRA,CAT\n".getBytes(StandardCharsets.UTF_8)),
                        400, "MALFORMED_JSON", "file"),
                refuse("uploaded file that is empty", Wire.multipartPost(IMPORTS, "file", "record.json", new byte[0]), 400, "MALFORMED_IMPORT", null),
                refuse("uploaded file truncated", Wire.multipartPost(IMPORTS, "file", "record.json", "{\"format\":\"treaty-registry-import/1\",\"state\":".getBytes(StandardCharsets.UTF_8)),
                        400, "MALFORMED_JSON", "file"),
                // DEFECT: answered 202 and imported (the trailing text is ignored)
                refuse("uploaded file with trailing garbage", Wire.multipartPost(IMPORTS, "file", "record.json", (doc("\"format\":\"treaty-registry-import/1\",\"state\":\"DNK\",\"records\":["
                        + "{\"id\":\"s\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]") + "<html>").getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_JSON", "file"),
                // DEFECT: 400 with errorCode BAD_REQUEST but no field (a missing query parameter gets MISSING_FIELD and its name)
                refuse("upload without the 'file' part", Wire.multipartPost(IMPORTS, "upload", "record.json", "{}".getBytes(StandardCharsets.UTF_8)), 400, null, "file"),
                // DEFECT: 500 with Spring's default error JSON (MultipartException: no multipart boundary was found)
                refuse("multipart without a boundary", Req.post(IMPORTS, "garbage").type("multipart/form-data"), 400, null, null),
                // DEFECT: 500 with Spring's default error JSON (MultipartException: Stream ended unexpectedly)
                refuse("multipart stream cut off", new Req("POST", IMPORTS, "multipart/form-data; boundary=" + BOUNDARY,
                        ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{\"format\":").getBytes(StandardCharsets.UTF_8), Map.of()),
                        400, null, null));
    }

    /** A file name the registry must not use: the content is parsed, or refused, and no file is touched. */
    record Upload(String name, String filename, String content, int status, String errorCode, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Upload> traversalFileNames() {
        String rejectedOnly = doc("\"format\":\"treaty-registry-import/1\",\"state\":\"FRA\",\"records\":[{\"id\":\"x\",\"fact\":\"treaty\"}]");
        return Stream.of(
                new Upload("../../etc/passwd with passwd content", "../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", 400, "MALFORMED_JSON", "file"),
                new Upload("..\\..\\windows\\win.ini with ini content", "..\\..\\windows\\win.ini", "; for 16-bit app support\r\n[fonts]\r\n", 400, "MALFORMED_JSON", "file"),
                new Upload("/etc/passwd (absolute) with an array", "/etc/passwd", "[]", 400, "MALFORMED_IMPORT", null),
                new Upload("file:///etc/shadow with truncated JSON", "file:///etc/shadow", "{", 400, "MALFORMED_JSON", "file"),
                new Upload("%2e%2e%2f-encoded name with an empty file", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "", 400, "MALFORMED_IMPORT", null),
                new Upload("300-character name with an array", "a/".repeat(150), "[]", 400, "MALFORMED_IMPORT", null),
                // the part's headers are over Tomcat's limit for them, which Spring reports as the upload size
                new Upload("5,000-character name (over the part-header limit)", "../".repeat(1666) + "x", "[]", 413, "PAYLOAD_TOO_LARGE", null),
                new Upload("../ into /tmp with a valid file of rejected records", "../../../../../../../../../tmp/TARGET", rejectedOnly, 202, null, null),
                new Upload("../ into the data directory with a valid file of rejected records", "../data/TARGET", rejectedOnly, 202, null, null));
    }

    /** A well-formed file whose records are all refused. */
    record RecordCase(String name, String state, String records, List<List<String>> rejections) {
        @Override
        public String toString() {
            return name;
        }
    }

    static RecordCase rejects(String name, String state, String records, String... codeAndField) {
        List<List<String>> expected = new java.util.ArrayList<>();
        for (int i = 0; i < codeAndField.length; i += 2) {
            expected.add(java.util.Arrays.asList(codeAndField[i], codeAndField[i + 1]));
        }
        return new RecordCase(name, state, records, expected);
    }

    static Stream<RecordCase> badRecords() {
        return Stream.of(
                rejects("unknown record kind", "FRA", "[{\"id\":\"a\",\"fact\":\"treaty\",\"instrument\":\"CAT\"}]", "UNKNOWN_FACT", "fact"),
                rejects("record kind as a number", "FRA", "[{\"id\":\"a\",\"fact\":7,\"instrument\":\"CAT\"}]", "UNKNOWN_FACT", "fact"),
                rejects("record kind missing", "FRA", "[{\"id\":\"a\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]", "UNKNOWN_FACT", "fact"),
                rejects("id missing", "FRA", "[{\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]", "MISSING_FIELD", "id"),
                rejects("id blank", "FRA", "[{\"id\":\" \",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]", "MISSING_FIELD", "id"),
                rejects("record not an object", "FRA", "[\"signature of CAT\"]", "MALFORMED_RECORD", "records[0]"),
                rejects("record naming another state", "FRA", "[{\"id\":\"a\",\"fact\":\"signature\",\"state\":\"DEU\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]",
                        "CONTRADICTS_PATH", "state"),
                rejects("unknown instrument", "FRA", "[{\"id\":\"a\",\"fact\":\"signature\",\"instrument\":\"OP-XYZ\",\"signedOn\":\"2012-01-01\"}]", "UNKNOWN_INSTRUMENT", "instrument"),
                rejects("unknown treaty body", "FRA", "[{\"id\":\"a\",\"fact\":\"competence-recognition\",\"body\":\"UNICEF\",\"mechanism\":\"INQUIRY\"}]", "UNKNOWN_TREATY_BODY", "body"),
                rejects("unknown mechanism", "FRA", "[{\"id\":\"a\",\"fact\":\"competence-recognition\",\"body\":\"CAT\",\"mechanism\":\"TELEPATHY\"}]", "INVALID_VALUE", "mechanism"),
                rejects("unknown action", "FRA", "[{\"id\":\"a\",\"fact\":\"ratification\",\"instrument\":\"CAT\",\"action\":\"ADOPTION\",\"depositedOn\":\"1986-02-18\"}]", "INVALID_VALUE", "action"),
                rejects("impossible date 2023-02-29", "FRA", "[{\"id\":\"a\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"2023-02-29\"}]", "INVALID_VALUE", "signedOn"),
                rejects("unpadded date 2024-1-5", "FRA", "[{\"id\":\"a\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"2024-1-5\"}]", "INVALID_VALUE", "signedOn"),
                rejects("deposit before the treaty opened", "FRA", "[{\"id\":\"a\",\"fact\":\"ratification\",\"instrument\":\"OPIC\",\"action\":\"RATIFICATION\",\"depositedOn\":\"2011-01-01\"}]",
                        "DATE_BEFORE_OPENING", "depositedOn"),
                rejects("report before entry into force", "KAZ", "[{\"id\":\"a\",\"fact\":\"report\",\"instrument\":\"CRPD\",\"symbol\":\"CRPD/C/KAZ/0\",\"receivedOn\":\"2010-01-01\",\"covers\":{\"from\":5,\"to\":5}}]",
                        "OBLIGATION_NOT_YET_OPEN", "receivedOn"),
                rejects("report under an obligation never opened", "FRA", "[{\"id\":\"a\",\"fact\":\"report\",\"instrument\":\"CRPD\",\"symbol\":\"CRPD/C/FRA/1\",\"receivedOn\":\"2015-01-01\",\"covers\":{\"from\":1,\"to\":1}}]",
                        "NOT_FOUND", null),
                rejects("review ending before it starts", "KAZ", "[{\"id\":\"a\",\"fact\":\"review\",\"instrument\":\"CRPD\",\"session\":\"zz\",\"startedOn\":\"2024-03-10\",\"endedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":true}]",
                        "DATE_OUT_OF_ORDER", "endedOn"),
                rejects("string for a coverage", "KAZ", "[{\"id\":\"a\",\"fact\":\"report\",\"instrument\":\"CRPD\",\"symbol\":\"X\",\"receivedOn\":\"2020-01-01\",\"covers\":\"2-4\"}]",
                        "INVALID_VALUE", "covers"),
                rejects("word for a UPR cycle", "KAZ", "[{\"id\":\"a\",\"fact\":\"upr-review\",\"cycle\":\"one\",\"reviewedOn\":\"2024-01-01\"}]", "INVALID_VALUE", "cycle"),
                rejects("unknown field", "FRA", "[{\"id\":\"a\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\",\"colour\":\"blue\"}]", "UNKNOWN_FIELD", "colour"),
                rejects("null action", "FRA", "[{\"id\":\"a\",\"fact\":\"ratification\",\"instrument\":\"CAT\",\"action\":null}]", "MISSING_FIELD", "action"),
                rejects("duplicate id", "FRA", "[{\"id\":\"a\",\"fact\":\"treaty\"},{\"id\":\"a\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"1985-02-04\"}]",
                        "UNKNOWN_FACT", "fact", "DUPLICATE_ID", "id"),
                rejects("every record bad", "FRA", "[{\"id\":\"1\",\"fact\":\"signature\",\"instrument\":\"CAT\",\"signedOn\":\"yesterday\"},"
                                + "{\"id\":\"2\",\"fact\":\"reservation\",\"instrument\":\"CAT\",\"reference\":\"r\",\"kind\":\"OBJECTION\",\"madeOn\":\"1986-02-18\"},"
                                + "{\"id\":\"3\",\"fact\":\"competence-opt-out\",\"body\":\"ZZZ\",\"mechanism\":\"INQUIRY\"}]",
                        "INVALID_VALUE", "signedOn", "INVALID_VALUE", "kind", "UNKNOWN_TREATY_BODY", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @Timeout(60)
    void badFileIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    @Timeout(60)
    void badRecordIsRejectedAndNothingIsStored(RecordCase c) {
        long before = registry.eventCount();
        Reply accepted = wire.post(IMPORTS, doc("\"format\":\"treaty-registry-import/1\",\"state\":\"" + c.state() + "\",\"records\":" + c.records()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode report = awaitAcceptedImport(accepted);
        assertRejected(report, c.rejections());
        assertThat(registry.eventCount()).as("nothing is stored").isEqualTo(before);
        assertServing();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traversalFileNames")
    @Timeout(60)
    void fileNameIsNeverUsed(Upload u) throws Exception {
        String target = "treaty-registry-badinput-" + UUID.randomUUID() + ".json";
        String filename = u.filename().replace("TARGET", target);
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> places = List.of(Path.of("/tmp").resolve(target), cwd.resolve(filename).normalize(), dataDir.resolve(filename).normalize(),
                dataDir.resolve("..").resolve(filename).normalize(), Path.of(System.getProperty("java.io.tmpdir")).resolve(target));
        Map<Path, String> filesBefore = new java.util.HashMap<>();
        for (Path place : places) {
            filesBefore.put(place, fingerprint(place));
        }
        long before = registry.eventCount();

        Reply reply = wire.send(Wire.multipartPost(IMPORTS, "file", filename, u.content().getBytes(StandardCharsets.UTF_8)));
        if (u.status() == 202) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
            assertRejected(awaitAcceptedImport(reply), List.of(java.util.Arrays.asList("UNKNOWN_FACT", "fact")));
        } else {
            assertProblem(reply, u.status(), u.errorCode(), u.field());
        }
        assertThat(reply.body()).as("no file content leaks").doesNotContain("root:").doesNotContain("[fonts]");
        for (Path place : places) {
            assertThat(fingerprint(place)).as("nothing written at " + place).isEqualTo(filesBefore.get(place));
        }
        assertThat(Files.exists(Path.of("/tmp").resolve(target))).isFalse();
        assertThat(registry.eventCount()).as("nothing is stored").isEqualTo(before);
        assertServing();
    }

    /** Whether the file is there, and if so its size, time and content digest. */
    private static String fingerprint(Path file) throws Exception {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Files.exists(file) ? "present, unreadable" : "absent";
        }
        return Files.size(file) + " bytes, " + Files.getLastModifiedTime(file) + ", " + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void assertRejected(JsonNode report, List<List<String>> expected) {
        assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
        assertThat(report.path("total").asInt()).isEqualTo(expected.size());
        assertThat(report.path("processed").asInt()).isEqualTo(expected.size());
        assertThat(report.path("recorded").asInt()).isZero();
        assertThat(report.path("alreadyRecorded").asInt()).isZero();
        assertThat(report.path("rejected").asInt()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode result = report.path("results").get(i);
            assertThat(result.path("index").asInt()).isEqualTo(i);
            assertThat(result.path("result").asText()).as(result.toString()).isEqualTo("REJECTED");
            assertThat(result.path("errorCode").asText()).as(result.toString()).isEqualTo(expected.get(i).get(0));
            assertThat(result.path("message").asText()).isNotBlank();
            if (expected.get(i).get(1) != null) {
                assertThat(result.path("field").asText()).as(result.toString()).isEqualTo(expected.get(i).get(1));
            }
            assertThat(result.has("streamId")).as("nothing recorded for " + result).isFalse();
        }
    }

    private static String doc(String members) {
        return "{" + members + "}";
    }
}
