package org.treatyregistry.core.shared;

/** The serialisable details of a {@link RegistryException}, as they travel in a command's failure. */
public record RegistryError(ErrorKind kind, String errorCode, String field, String message) {
}
