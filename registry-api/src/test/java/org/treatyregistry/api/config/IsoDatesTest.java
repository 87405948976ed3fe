package org.treatyregistry.api.config;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's date reader gives what the standard one gives, value for value and error for error. */
class IsoDatesTest {

    private final ObjectMapper standard = new ObjectMapper().registerModule(new JavaTimeModule());
    // as Spring Boot builds the application's mapper: the well-known modules first, then the module beans
    private final ObjectMapper registry = Jackson2ObjectMapperBuilder.json().modulesToInstall(new IsoDates()).build();

    @Test
    void isTheDeserializerTheApplicationsMapperUsesForDates() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) registry.getDeserializationContext())
                .createInstance(registry.getDeserializationConfig(), null, null);
        JsonDeserializer<Object> deserializer = context.findRootValueDeserializer(registry.constructType(LocalDate.class));

        assertThat(deserializer).isInstanceOf(IsoDates.Deserializer.class);
    }

    @Test
    void readsWhatTheStandardDeserializerReads() throws Exception {
        Random random = new Random(8);
        List<String> texts = new ArrayList<>(List.of("2024-01-05", "0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29",
                "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-05", " 2024-01-05", "2024-01-05 ", "2024/01/05",
                "+2024-01-05", "-2024-01-05", "20240105", "", "   ", "2024-01-0x", "२०२४-01-05", "2024-01-05T00:00"));
        for (int i = 0; i < 100_000; i++) {
            texts.add(String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
        }
        for (String text : texts) {
            String json = standard.writeValueAsString(text);
            assertThat(outcome(registry, json)).as(json).isEqualTo(outcome(standard, json));
        }
        for (String json : List.of("null", "[2024, 1, 5]", "20000", "{\"x\": 1}", "true")) {
            assertThat(outcome(registry, json)).as(json).isEqualTo(outcome(standard, json));
        }
    }

    @Test
    void readsDatesInsideRecordsAsTheStandardDeserializerDoes() throws Exception {
        String json = "{\"on\": \"2024-02-29\", \"until\": null}";
        assertThat(registry.readValue(json, Span.class)).isEqualTo(standard.readValue(json, Span.class))
                .isEqualTo(new Span(LocalDate.of(2024, 2, 29), null));
    }

    record Span(LocalDate on, LocalDate until) {
    }

    private static String outcome(ObjectMapper mapper, String json) {
        try {
            return "read " + mapper.readValue(json, LocalDate.class);
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        }
    }
}
