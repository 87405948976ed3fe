package org.treatyregistry.core.shared;

/** What kind of refusal a domain error is; the API maps it to 400, 404 or 409. */
public enum ErrorKind {
    /** The command itself is malformed or breaks a rule whatever the state of the registry. */
    INVALID,
    /** The command names something the registry does not hold. */
    NOT_FOUND,
    /** The command contradicts what the registry already holds. */
    CONFLICT
}
