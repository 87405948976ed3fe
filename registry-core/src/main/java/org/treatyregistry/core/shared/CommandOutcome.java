package org.treatyregistry.core.shared;

/**
 * What a recording command did. A command that repeats a fact the registry already holds, identically, records
 * nothing and says so: retries and re-imports never record a fact twice.
 */
public record CommandOutcome(String aggregateId, Result result) {

    public enum Result { RECORDED, ALREADY_RECORDED }

    public static CommandOutcome recorded(String aggregateId) {
        return new CommandOutcome(aggregateId, Result.RECORDED);
    }

    public static CommandOutcome alreadyRecorded(String aggregateId) {
        return new CommandOutcome(aggregateId, Result.ALREADY_RECORDED);
    }
}
