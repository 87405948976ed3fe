package org.treatyregistry.core.architecture.samples.shared;

/** Allowed: everything may depend on shared. */
public record SharedSample(String value) {
}
