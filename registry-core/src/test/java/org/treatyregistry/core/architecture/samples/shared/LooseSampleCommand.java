package org.treatyregistry.core.architecture.samples.shared;

/** Violation: a command that is not a record. */
public class LooseSampleCommand {
}
