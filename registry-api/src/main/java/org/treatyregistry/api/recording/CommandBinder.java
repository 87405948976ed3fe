package org.treatyregistry.api.recording;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.shared.RegistryException;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the JSON of a fact (a REST body or an import record) into its command. Binding is strict: an unknown field,
 * a wrong type or an impossible date is refused with the path of the field at fault, before any command is sent.
 */
@Component
public class CommandBinder {

    private final java.time.Clock clock;

    public CommandBinder(java.time.Clock clock) {
        this.clock = clock;
    }

    private final ObjectMapper strict = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // a number is not a text, a fraction is not a count, a boolean is not a text: refuse rather than convert
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // a record of a known kind needs no "fact" discriminator: the kind is known from the endpoint or record
            .enable(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL)
            .build();

    /**
     * @param fields   the fact's fields; {@code context} entries (from the URL or the import file) are added to them and
     *                 must not contradict them
     */
    public Object bind(FactKind kind, ObjectNode fields, Map<String, String> context) {
        refuseUnstorableText(fields, "");
        ObjectNode node = fields.deepCopy();
        node.remove("fact");
        context.forEach((key, value) -> {
            if (node.hasNonNull(key) && !node.get(key).asText().equalsIgnoreCase(value)) {
                throw RegistryException.invalid("CONTRADICTS_PATH", key,
                        key + " is '" + node.get(key).asText() + "' in the body but '" + value + "' in the address");
            }
            node.put(key, value);
        });
        if (node.get("replacement") instanceof ObjectNode replacement) {
            context.forEach((key, value) -> {
                if (!replacement.has(key)) {
                    replacement.put(key, value);
                }
            });
        }
        try {
            Object command = strict.treeToValue(node, kind.commandType());
            requireIdentity(command);
            refuseFutureFacts(node, "");
            return command;
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RegistryException.invalid("MALFORMED_JSON", null, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException m) {
                throw translate(m);
            }
            throw RegistryException.invalid("INVALID_VALUE", null, e.getMessage());
        }
    }

    /**
     * NUL and unpaired surrogates are not text: PostgreSQL cannot store them, and an event the read models cannot
     * project would stop them. Refused at the door, with the field.
     */
    private static void refuseUnstorableText(com.fasterxml.jackson.databind.JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean unpaired = Character.isHighSurrogate(c) ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                        : Character.isLowSurrogate(c);
                if (c == 0 || unpaired) {
                    throw RegistryException.invalid("INVALID_CHARACTER", path.isEmpty() ? null : path,
                            (path.isEmpty() ? "the body" : path) + " holds a character that is not text (NUL or a broken surrogate pair)");
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> refuseUnstorableText(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseUnstorableText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Dates of things that have happened; due dates and dates of effect may lie ahead. */
    private static final java.util.Set<String> HAPPENED = java.util.Set.of("signedOn", "depositedOn", "madeOn", "withdrawnOn",
            "notifiedOn", "declaredOn", "receivedOn", "transmittedOn", "startedOn", "endedOn", "adoptedOn", "reviewedOn", "submittedOn");

    /** A signature or a report dated after today has not happened: a typing error, refused with its field. */
    private void refuseFutureFacts(com.fasterxml.jackson.databind.JsonNode node, String path) {
        node.fields().forEachRemaining(e -> {
            String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (HAPPENED.contains(e.getKey()) && e.getValue().isTextual()) {
                org.treatyregistry.core.shared.LegalDate date = org.treatyregistry.core.shared.LegalDate.parse(e.getValue().textValue());
                java.time.LocalDate today = java.time.LocalDate.now(clock);
                if (date.earliest().isAfter(today)) {
                    throw RegistryException.invalid("DATE_IN_FUTURE", field, field + " (" + date + ") is after today (" + today
                            + "): only due dates may lie ahead");
                }
            } else if (e.getValue().isObject()) {
                refuseFutureFacts(e.getValue(), field);
            }
        });
    }

    /** The fields that name the stream a command goes to must be there before Axon looks for its target. */
    private static void requireIdentity(Object command) {
        for (java.lang.reflect.RecordComponent component : command.getClass().getRecordComponents()) {
            if (IDENTITY.contains(component.getName())) {
                try {
                    if (component.getAccessor().invoke(command) == null) {
                        throw RegistryException.invalid("MISSING_FIELD", component.getName(), component.getName() + " is required");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static final java.util.Set<String> IDENTITY = java.util.Set.of("state", "instrument", "body", "mechanism");

    /**
     * The JSON path of the value that refused, refined by the field the value named: a coverage at "nextReport.covers"
     * refusing its "covers.from" is "nextReport.covers.from".
     */
    static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        if (field == null) {
            return path;
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (field.equals(last) || field.startsWith(last + ".")) {
            return path.substring(0, path.length() - last.length()) + field;
        }
        return path;
    }

    /** A binding failure as a domain error naming the field, keeping the domain's own code where there is one. */
    public static RegistryException translate(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof RegistryException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof RegistryException r) {
            return RegistryException.invalid(r.errorCode(), join(path, r.field()), r.getMessage());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return RegistryException.invalid("UNKNOWN_FIELD", path, "'" + u.getPropertyName() + "' is not a field of this record; known fields: "
                    + u.getKnownPropertyIds());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return RegistryException.invalid("INVALID_VALUE", path, "'" + f.getValue() + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants()));
        }
        String reason = cause != null && cause.getMessage() != null && cause != e ? cause.getMessage() : e.getOriginalMessage();
        return RegistryException.invalid("INVALID_VALUE", path.isEmpty() ? null : path, (path.isEmpty() ? "" : path + ": ") + reason);
    }
}
