package org.treatyregistry.api.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Reply;
import org.treatyregistry.api.badinput.Wire.Req;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests of the wrong shape: content type, method, headers, and hostile path variables. */
class RequestShapeTest extends BadInputSuite {

    private static final String RATIFY = "/api/states/NOR/participations/CRC/ratification";
    private static final String VALID = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1991-01-08\"}";

    static Stream<Case> contentTypes() {
        return Stream.of(
                refuse("text/plain", Req.post(RATIFY, VALID).type("text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("application/xml", Req.post(RATIFY, "<ratification action=\"RATIFICATION\"/>").type("application/xml"), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("form-urlencoded", Req.post(RATIFY, "action=RATIFICATION&depositedOn=1991-01-08").type("application/x-www-form-urlencoded"), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("multipart where JSON is expected", Wire.multipartPost(RATIFY, "body", "fact.json", VALID.getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                // DEFECT: 500 with Spring's default error JSON (MultipartException: no multipart boundary was found)
                refuse("multipart without a boundary where JSON is expected", Req.post(RATIFY, VALID).type("multipart/form-data"), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("no Content-Type", Req.post(RATIFY, VALID).type(null), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("a JSON-like type that is not JSON", Req.post(RATIFY, VALID).type("application/json-patch+json"), 415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("text/plain to the import", Req.post("/api/imports", "{\"format\":\"treaty-registry-import/1\",\"state\":\"NOR\",\"records\":[]}").type("text/plain"),
                        415, "UNSUPPORTED_MEDIA_TYPE", null),
                refuse("no Content-Type to the import", Req.post("/api/imports", "{\"format\":\"treaty-registry-import/1\",\"state\":\"NOR\",\"records\":[]}").type(null),
                        415, "UNSUPPORTED_MEDIA_TYPE", null));
    }

    static Stream<Case> methods() {
        return Stream.of(
                refuse("DELETE on a ratification", Req.post(RATIFY, VALID).method("DELETE"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("PUT on a ratification", Req.post(RATIFY, VALID).method("PUT"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("PATCH on a ratification", Req.post(RATIFY, VALID).method("PATCH"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("DELETE on a report", Req.post("/api/states/KAZ/obligations/CRPD/reports", "{}").method("DELETE"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("PUT on a competence recognition", Req.post("/api/states/KAZ/competences/CRPD/INDIVIDUAL_COMMUNICATIONS/recognition", "{}").method("PUT"),
                        405, "METHOD_NOT_ALLOWED", null),
                refuse("DELETE on a UPR review", Req.post("/api/states/KAZ/upr/reviews", "{}").method("DELETE"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("DELETE on the imports", Req.get("/api/imports").method("DELETE"), 405, "METHOD_NOT_ALLOWED", null),
                refuse("POST on the calendar", Req.post("/api/states/KAZ/calendar", "{}"), 405, "METHOD_NOT_ALLOWED", null));
    }

    static Stream<Case> headers() {
        return Stream.of(
                refuse("Idempotency-Key of 201 characters", Req.post(RATIFY, VALID).header("Idempotency-Key", "k".repeat(201)), 400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key"),
                refuse("Idempotency-Key of 2,000 characters", Req.post(RATIFY, VALID).header("Idempotency-Key", "k".repeat(2000)), 400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key"),
                refuse("If-Match a word", Req.post(RATIFY, VALID).header("If-Match", "\"abc\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match unquoted word", Req.post(RATIFY, VALID).header("If-Match", "abc"), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match a fraction", Req.post(RATIFY, VALID).header("If-Match", "\"1.5\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match hexadecimal", Req.post(RATIFY, VALID).header("If-Match", "\"0x10\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match larger than a long", Req.post(RATIFY, VALID).header("If-Match", "\"99999999999999999999\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match a list", Req.post(RATIFY, VALID).header("If-Match", "\"1\", \"2\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match weak non-number", Req.post(RATIFY, VALID).header("If-Match", "W/\"x\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match empty quotes", Req.post(RATIFY, VALID).header("If-Match", "\"\""), 400, "INVALID_VERSION", "If-Match"),
                refuse("If-Match not a number on an existing record", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}").header("If-Match", "\"seven\""),
                        400, "INVALID_VERSION", "If-Match"),
                refuse("stale If-Match on an existing record", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}").header("If-Match", "\"0\""),
                        409, "VERSION_CONFLICT", "If-Match"));
    }

    static Stream<Case> pathVariables() {
        return Stream.of(
                // Tomcat refuses encoded '/', '\' and NUL before Spring sees the request; its error valve answers with a problem
                refuse("state ..%2F..%2Fetc (calendar)", Req.get("/api/states/..%2F..%2Fetc/calendar"), 400, null, null),
                refuse("state ..%5C..%5Cwindows (recording)", Req.post("/api/states/..%5C..%5Cwindows/participations/CRC/ratification", VALID), 400, null, null),
                refuse("state KAZ%00 (history)", Req.get("/api/states/KAZ%00/history"), 400, null, null),
                // encoded dots, semicolons and double-encoded slashes: the security firewall refuses the address itself,
                // before any controller, as a named problem
                refuse("state %2e%2e (calendar)", Req.get("/api/states/%2e%2e/calendar"), 400, "MALFORMED_REQUEST", null),
                refuse("state ..; (calendar)", Req.get("/api/states/..;/calendar"), 400, "MALFORMED_REQUEST", null),
                refuse("state double-encoded ..%252F..%252Fetc (ICS)", Req.get("/api/states/..%252F..%252Fetc/calendar.ics"), 400, "MALFORMED_REQUEST", null),
                refuse("state double-encoded traversal (CSV)", Req.get("/api/states/%252e%252e%252fetc%252fpasswd/history.csv"), 400, "MALFORMED_REQUEST", null),
                refuse("state %2e%2e (recording)", Req.post("/api/states/%2e%2e/participations/CRC/ratification", VALID), 400, "MALFORMED_REQUEST", null),
                refuse("instrument ..%252F..%252Fetc%252Fpasswd (recording)", Req.post("/api/states/NOR/participations/..%252F..%252Fetc%252Fpasswd/ratification", VALID),
                        400, "MALFORMED_REQUEST", null),
                refuse("treaty body .. (recording)", Req.post("/api/states/NOR/competences/%2e%2e/INQUIRY/recognition", "{}"), 400, "MALFORMED_REQUEST", null),
                refuse("import id ..%252F..%252Fetc%252Fpasswd", Req.get("/api/imports/..%252F..%252Fetc%252Fpasswd"), 400, "MALFORMED_REQUEST", null),
                refuse("dot segments up to the root", Req.get("/api/states/KAZ/calendar.ics/../../../../etc/passwd"), 400, "MALFORMED_REQUEST", null),
                refuse("file: scheme as the state", Req.get("/api/states/file:/calendar.ics"), 400, "UNKNOWN_STATE", "state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentTypes")
    @Timeout(60)
    void wrongContentTypeIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    @Timeout(60)
    void wrongMethodIsRefused(Case c) {
        Reply reply = assertRefused(c);
        if (c.req().path().contains("/api/states/") && !c.req().path().endsWith("/calendar")) {
            assertThat(reply.header("Allow")).as("405 names the method that is allowed").contains("POST");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    @Timeout(60)
    void badHeaderIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathVariables")
    @Timeout(60)
    void hostilePathVariableIsRefusedWithoutTouchingFiles(Case c) {
        Reply reply = assertRefused(c);
        assertThat(reply.body()).as("no file content leaks").doesNotContain("root:").doesNotContain("[fonts]");
    }
}
