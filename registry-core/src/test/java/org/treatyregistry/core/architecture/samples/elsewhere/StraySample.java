package org.treatyregistry.core.architecture.samples.elsewhere;

/** Violation: a class outside every feature package. */
public record StraySample() {
}
