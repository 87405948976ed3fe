package org.treatyregistry.core.architecture.samples.shared;

/** Violation: a record event without @Revision. */
public record UnrevisedSampleEvent(String id) {
}
