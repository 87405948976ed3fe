package org.treatyregistry.core.architecture.samples.shared;

/** Violation: an event that is neither a record nor annotated with @Revision. */
public class LooseSampleEvent {
}
