package org.treatyregistry.api.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.treatyregistry.projections.facts.MetaDataFields;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's reading of recordedBy and importBatch gives what Jackson's streaming parser gives, on any input. */
class MetaDataFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    @Test
    void readsTheMetadataTheRegistryWritesWithoutJackson() throws Exception {
        String json = JSON.writeValueAsString(Map.of("recordedBy", "desk.officer@mfa.example", "importBatch", "batch-7",
                "requestId", "0b6f8d4e-1c1a-4c51-a3a8-25d1c7d6c0b9", "traceId", "x"));
        String[] fields = MetaDataFields.scan(bytes(json));

        assertThat(fields).containsExactly("desk.officer@mfa.example", "batch-7");
        assertThat(MetaDataFields.scan(bytes("{}"))).containsExactly(null, null);
        assertThat(MetaDataFields.scan(bytes(" { \"recordedBy\" : \"a\\\"b\\\\c\\u0041\\n\" , \"importBatch\": 12.5e-3 } ")))
                .containsExactly("a\"b\\cA\n", "12.5e-3");
    }

    @Test
    void agreesWithJacksonOnRandomMetadata() throws Exception {
        Random random = new Random(8);
        int scanned = 0;
        for (int i = 0; i < 50_000; i++) {
            String json = randomJson(random);
            byte[] bytes = bytes(json);
            if (MetaDataFields.scan(bytes) != null) {
                scanned++;
            }
            assertThat(outcome(() -> MetaDataFields.read(bytes, FACTORY))).as(json)
                    .isEqualTo(outcome(() -> MetaDataFields.withJackson(bytes, FACTORY)));
        }
        // most inputs took the fast path, so the comparison is of the scanner and not of Jackson with itself
        assertThat(scanned).isGreaterThan(15_000);
    }

    @Test
    void agreesWithJacksonOnMalformedAndUnusualInput() throws Exception {
        List<String> inputs = List.of("", " ", "null", "[]", "\"x\"", "{", "{\"recordedBy\"", "{\"recordedBy\":", "{\"recordedBy\":\"a\"",
                "{\"recordedBy\":\"a\",}", "{\"recordedBy\":\"a\" \"importBatch\":\"b\"}", "{\"recordedBy\":01}", "{\"recordedBy\":1.}",
                "{\"recordedBy\":-}", "{\"recordedBy\":1e}", "{\"recordedBy\":truex}", "{\"recordedBy\":nul}", "{\"recordedBy\":\"\\x\"}",
                "{\"recordedBy\":\"\\u00g1\"}", "{\"recordedBy\":\"tab\there\"}", "{\"recordedBy\":\"ünï\"}", "{recordedBy:\"a\"}",
                "{'recordedBy':'a'}", "{\"recordedBy\":\"a\"} trailing", "{\"recordedBy\":\"a\",\"recordedBy\":null}",
                "{\"recordedBy\":\"a\",\"recordedBy\":\"b\"}", "{\"recordedBy\":{\"x\":1},\"importBatch\":[1,2]}",
                "{\"recorded\\u0042y\":\"escaped key\"}", "{\"recordedBy\":\"a\"}\u0000", "{\"recordedBy\":\"a\\ud83d\\udcdc\"}",
                "{\"recordedBy\":true,\"importBatch\":false}", "{\"recordedBy\":-0.0E+00}", "\ufeff{\"recordedBy\":\"bom\"}",
                "{\"recordedBy\":\"a\"/*c*/}", "{\"recordedBy\":NaN}", "{\"recordedBy\":1}x", "{\"a\":1.5.3}");
        for (String json : inputs) {
            byte[] bytes = bytes(json);
            assertThat(outcome(() -> MetaDataFields.read(bytes, FACTORY))).as(json)
                    .isEqualTo(outcome(() -> MetaDataFields.withJackson(bytes, FACTORY)));
        }
        byte[] utf16 = "{\"recordedBy\":\"wide\"}".getBytes(StandardCharsets.UTF_16LE);
        assertThat(outcome(() -> MetaDataFields.read(utf16, FACTORY))).isEqualTo(outcome(() -> MetaDataFields.withJackson(utf16, FACTORY)));
        assertThat(MetaDataFields.read(null, FACTORY)).containsExactly(null, null);
    }

    private static String randomJson(Random random) throws Exception {
        Map<String, Object> meta = new LinkedHashMap<>();
        String[] keys = {"recordedBy", "importBatch", "requestId", "traceId", "correlationId", "recordedByX", "importbatch", ""};
        for (int n = random.nextInt(5); n > 0; n--) {
            meta.put(keys[random.nextInt(keys.length)], value(random, 0));
        }
        String json = random.nextBoolean() ? JSON.writeValueAsString(meta) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta);
        // now and then a duplicate field, a damaged byte or a cut
        return switch (random.nextInt(12)) {
            case 0 -> json.replaceFirst("\\{", "{\"recordedBy\": \"first\", ");
            case 1 -> json.length() < 2 ? json : new StringBuilder(json).deleteCharAt(random.nextInt(json.length())).toString();
            case 2 -> json.substring(0, random.nextInt(json.length() + 1));
            default -> json;
        };
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3) == 0 ? random.nextDouble() * 1e-9 : random.nextLong();
            case 3, 4 -> text(random);
            case 5 -> random.nextInt(3) == 0 ? "ünïcödé " + text(random) : text(random);
            case 6 -> Arrays.asList(value(random, depth + 1), value(random, depth + 1));
            default -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("recordedBy", value(random, depth + 1));
                yield nested;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            s.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x20) : (char) (' ' + random.nextInt(95)));
        }
        return s.toString();
    }

    private interface Read {
        String[] read() throws Exception;
    }

    private static String outcome(Read read) {
        try {
            String[] values = read.read();
            return Arrays.toString(values);
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

}
