package org.treatyregistry.api.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.treatyregistry.api.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts an RFC 9457 problem response with its error code and field. */
public final class Problems {

    private Problems() {
    }

    public static void expectProblem(Http.Response response, int status, String errorCode, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errorCode").asText()).as(response.body()).isEqualTo(errorCode);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        }
    }
}
