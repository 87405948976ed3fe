package org.treatyregistry.api.badinput;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Reply;
import org.treatyregistry.api.badinput.Wire.Req;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies that are not JSON, or not one JSON object: refused as such before any rule is looked at. */
class MalformedJsonTest extends BadInputSuite {

    private static final String RATIFY = "/api/states/DEU/participations/CRC/ratification";
    private static final String VALID = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1992-03-06\"}";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static Stream<Case> malformed() {
        return Stream.of(
                refuse("truncated object", Req.post(RATIFY, "{\"action\":"), 400, "MALFORMED_JSON", null),
                refuse("truncated inside a string", Req.post(RATIFY, "{\"action\":\"RATIFI"), 400, "MALFORMED_JSON", null),
                refuse("truncated after a nested object", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"source\":{\"symbol\":\"x\"}"), 400, "MALFORMED_JSON", null),
                // DEFECT: answered 201 RECORDED (Spring's converter reads the first value and ignores the rest)
                refuse("trailing garbage after the object", Req.post("/api/states/AUT/participations/CRC/signature", "{\"signedOn\":\"1990-01-26\"} xyz"), 400, "MALFORMED_JSON", null),
                // DEFECT: answered 201 RECORDED
                refuse("two objects in one body", Req.post("/api/states/BEL/participations/CRC/signature", "{\"signedOn\":\"1990-01-26\"}{\"signedOn\":\"1990-01-27\"}"), 400, "MALFORMED_JSON", null),
                refuse("not an object: array", Req.post(RATIFY, "[" + VALID + "]"), 400, "INVALID_VALUE", null),
                refuse("not an object: string", Req.post(RATIFY, "\"RATIFICATION\""), 400, "INVALID_VALUE", null),
                refuse("not an object: number", Req.post(RATIFY, "42"), 400, "INVALID_VALUE", null),
                refuse("not an object: true", Req.post(RATIFY, "true"), 400, "INVALID_VALUE", null),
                refuse("not an object: null", Req.post(RATIFY, "null"), 400, "MALFORMED_JSON", null),
                refuse("empty body", Req.postBytes(RATIFY, new byte[0]), 400, "MALFORMED_JSON", null),
                // the empty body is MALFORMED_JSON, a blank one INVALID_VALUE ("No content to map due to end-of-input")
                refuse("whitespace-only body", Req.post(RATIFY, " \r\n\t "), 400, "INVALID_VALUE", null),
                refuse("byte order mark inside the object", Req.postBytes(RATIFY, concat("{".getBytes(StandardCharsets.UTF_8), BOM,
                        VALID.substring(1).getBytes(StandardCharsets.UTF_8))), 400, "MALFORMED_JSON", null),
                refuse("byte order mark before a truncated body", Req.postBytes(RATIFY, concat(BOM, "{\"action\":".getBytes(StandardCharsets.UTF_8))), 400, "MALFORMED_JSON", null),
                refuse("two byte order marks", Req.postBytes(RATIFY, concat(BOM, BOM, VALID.getBytes(StandardCharsets.UTF_8))), 400, "MALFORMED_JSON", null),
                refuse("NaN as a value", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":NaN}"), 400, "MALFORMED_JSON", null),
                refuse("NaN as a report number", Req.post("/api/states/KAZ/obligations/CRPD/reports", "{\"symbol\":\"CRPD/C/KAZ/NaN\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":NaN,\"to\":5}}"), 400, "MALFORMED_JSON", null),
                refuse("Infinity as a UPR cycle", Req.post("/api/states/KAZ/upr/reviews", "{\"cycle\":Infinity,\"reviewedOn\":\"2024-01-01\"}"), 400, "MALFORMED_JSON", null),
                refuse("leading zero in a number", Req.post("/api/states/KAZ/upr/reviews", "{\"cycle\":05,\"reviewedOn\":\"2024-01-01\"}"), 400, "MALFORMED_JSON", null),
                refuse("single-quoted strings", Req.post(RATIFY, "{'action':'RATIFICATION','depositedOn':'1992-03-06'}"), 400, "MALFORMED_JSON", null),
                refuse("unquoted field name", Req.post(RATIFY, "{action:\"RATIFICATION\"}"), 400, "MALFORMED_JSON", null),
                refuse("comment in the body", Req.post(RATIFY, "{/* deposit */\"action\":\"RATIFICATION\"}"), 400, "MALFORMED_JSON", null),
                refuse("trailing comma", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1992-03-06\",}"), 400, "MALFORMED_JSON", null),
                refuse("raw tab inside a string", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"source\":{\"note\":\"a\tb\"}}"), 400, "MALFORMED_JSON", null),
                refuse("invalid UTF-8 bytes", Req.postBytes(RATIFY, concat("{\"action\":\"RATIFICATION\",\"source\":{\"note\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xC0}, "\"}}".getBytes(StandardCharsets.UTF_8))), 400, "MALFORMED_JSON", null),
                refuse("bad escape sequence", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"source\":{\"note\":\"\\x41\"}}"), 400, "MALFORMED_JSON", null),
                refuse("truncated JSON import body", Req.post("/api/imports", "{\"format\":\"treaty-registry-import/1\",\"state\":\"FRA\",\"records\":["), 400, "MALFORMED_JSON", null),
                refuse("empty JSON import body", Req.postBytes("/api/imports", new byte[0]), 400, "MALFORMED_JSON", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    @Timeout(60)
    void isRefusedAsMalformed(Case c) {
        assertRefused(c);
    }

    /**
     * RFC 8259 section 8.1 lets a parser ignore a leading byte order mark. The registry does, so a body with one is the
     * same fact as without: repeating a recorded fact with a BOM records nothing new.
     */
    @Test
    void aLeadingByteOrderMarkIsIgnoredAndRecordsNothingNew() {
        String path = "/api/states/DEU/participations/ICERD/ratification";
        String body = "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1969-05-16\"}";
        assertThat(wire.post(path, body).status()).isIn(200, 201);
        long before = registry.eventCount();
        Reply again = wire.send(Req.postBytes(path, concat(BOM, body.getBytes(StandardCharsets.UTF_8))));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("result").asText()).isEqualTo("ALREADY_RECORDED");
        assertThat(registry.eventCount()).isEqualTo(before);
        assertServing();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
