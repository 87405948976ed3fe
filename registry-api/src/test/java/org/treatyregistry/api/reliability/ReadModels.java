package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.treatyregistry.api.support.Http;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model as the API serves it, page by page: the calendar of every state (closed items included, statuses
 * computed for a fixed day so that the answer does not depend on the clock), the full history, the ratification
 * status and the competence recognitions. Two captures are equal exactly when the read models hold the same.
 */
final class ReadModels {

    static final String VALID_AT = "2030-01-01";

    private ReadModels() {
    }

    static Map<String, String> capture(Http http) {
        Map<String, String> pages = new LinkedHashMap<>();
        paged(http, "/api/calendar?validAt=" + VALID_AT + "&includeClosed=true", pages);
        paged(http, "/api/history", pages);
        put(http, "/api/ratifications?validAt=" + VALID_AT, pages);
        put(http, "/api/competences?validAt=" + VALID_AT, pages);
        return pages;
    }

    /** Asserts two captures equal, naming the first page that differs (the pages are too big for a plain diff). */
    static void assertSame(Map<String, String> actual, Map<String, String> expected, String what) {
        assertThat(actual.keySet()).as(what + ": pages").isEqualTo(expected.keySet());
        expected.forEach((path, body) -> assertThat(actual.get(path)).as(what + ": " + path).isEqualTo(body));
    }

    /** How many history entries and calendar items a capture holds (to show it is not trivially empty). */
    static long total(Map<String, String> capture, String prefix) {
        return capture.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .map(e -> json(e.getValue()).path("total").asLong()).orElse(0L);
    }

    private static void paged(Http http, String path, Map<String, String> pages) {
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            String address = path + separator + "size=1000&page=" + page;
            Http.Response response = http.get(address);
            assertThat(response.status()).as(address + ": " + response.body()).isEqualTo(200);
            pages.put(address, response.body());
            JsonNode json = response.json();
            if ((long) (page + 1) * 1000 >= json.path("total").asLong()) {
                return;
            }
        }
    }

    private static void put(Http http, String path, Map<String, String> pages) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        pages.put(path, response.body());
    }

    private static JsonNode json(String body) {
        try {
            return TreatyRecords.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
