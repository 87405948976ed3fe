package org.treatyregistry.api.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the registry's dates ({@code "2024-01-05"}) straight from their digits into a {@link LocalDate}. Every legal date
 * in every event goes through the application's mapper when events are decoded, and the standard deserializer parses
 * each through a {@code DateTimeFormatter}: that was a fifth of decoding an event in a rebuild (docs/performance.md).
 * Anything but exactly {@code yyyy-mm-dd} with a valid day, and any date property with a {@code @JsonFormat}, goes to the
 * standard deserializer, so results and errors are the standard ones. Spring Boot registers this module after its Java
 * time module, so its deserializer is the one the mapper asks first.
 */
@Component
public class IsoDates extends SimpleModule {

    public IsoDates() {
        super("registry-iso-dates");
        addDeserializer(LocalDate.class, new Deserializer());
    }

    static final class Deserializer extends StdScalarDeserializer<LocalDate> implements ContextualDeserializer {

        Deserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() == 10) {
                LocalDate date = parse(p.getTextCharacters(), p.getTextOffset());
                if (date != null) {
                    return date;
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, context);
        }

        /** {@code yyyy-mm-dd} at {@code at}, or null when the text is not exactly that or names no day. */
        static LocalDate parse(char[] text, int at) {
            if (text[at + 4] != '-' || text[at + 7] != '-') {
                return null;
            }
            int year = digits(text, at, 4);
            int month = digits(text, at + 5, 2);
            int day = digits(text, at + 8, 2);
            if (year < 0 || month < 0 || day < 0) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return null;
            }
        }

        private static int digits(char[] text, int at, int count) {
            int value = 0;
            for (int i = at; i < at + count; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) throws JsonMappingException {
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            if (format != null && (format.hasPattern() || format.hasShape() || format.hasLenient() || format.hasLocale())) {
                return LocalDateDeserializer.INSTANCE.createContextual(context, property);
            }
            return this;
        }
    }
}
