package org.treatyregistry.api.recording;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
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

    private final ObjectMapper strict = JsonMapper.builder()
            .addModule(new JavaTimeModule())
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
