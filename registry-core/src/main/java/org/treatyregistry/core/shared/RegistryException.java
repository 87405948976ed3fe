package org.treatyregistry.core.shared;

import java.util.Objects;

/**
 * A command refused by a domain rule. Carries a stable error code, the field at fault (a JSON path into the
 * command, or {@code null} when the refusal is about the whole command) and a message a treaty desk can act on.
 */
public class RegistryException extends RuntimeException {

    private final String errorCode;
    private final ErrorKind kind;
    private final String field;

    public RegistryException(ErrorKind kind, String errorCode, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.field = field;
    }

    public static RegistryException invalid(String errorCode, String field, String message) {
        return new RegistryException(ErrorKind.INVALID, errorCode, field, message);
    }

    public static RegistryException notFound(String errorCode, String field, String message) {
        return new RegistryException(ErrorKind.NOT_FOUND, errorCode, field, message);
    }

    public static RegistryException conflict(String errorCode, String field, String message) {
        return new RegistryException(ErrorKind.CONFLICT, errorCode, field, message);
    }

    public String errorCode() {
        return errorCode;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    /** Carries the refusal across Axon's command bus, which wraps handler exceptions. */
    public RegistryError toDetails() {
        return new RegistryError(kind, errorCode, field, getMessage());
    }

    public static RegistryException fromDetails(RegistryError details) {
        return new RegistryException(details.kind(), details.errorCode(), details.field(), details.message());
    }
}
