package org.treatyregistry.core.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The ObjectMapper configuration the event store uses (Jackson everywhere, ISO dates), for round-trip tests. */
public final class Json {

    private Json() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Serialises {@code value} and reads it back as its own class. */
    @SuppressWarnings("unchecked")
    public static <T> T roundTrip(T value) {
        ObjectMapper mapper = mapper();
        try {
            String json = mapper.writeValueAsString(value);
            return (T) mapper.readValue(json, value.getClass());
        } catch (JsonProcessingException e) {
            throw new AssertionError("JSON round trip of " + value + " failed", e);
        }
    }

    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
