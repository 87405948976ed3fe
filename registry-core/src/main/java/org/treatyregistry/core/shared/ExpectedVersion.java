package org.treatyregistry.core.shared;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Optimistic concurrency for every command: a client that sends the version it last saw (metadata
 * {@value #METADATA_KEY}) is refused if the stream has moved on since. Checked inside the aggregate, after it is loaded
 * and locked, so that two writers from the same version cannot both pass.
 */
public final class ExpectedVersion {

    public static final String METADATA_KEY = "expectedVersion";

    private ExpectedVersion() {
    }

    public static void check(String streamId, long currentVersion, CommandMessage<?> command) {
        Object expected = command.getMetaData().get(METADATA_KEY);
        if (expected == null) {
            return;
        }
        long version = expected instanceof Number n ? n.longValue() : Long.parseLong(expected.toString());
        if (version != currentVersion) {
            throw new ConflictingAggregateVersionException(streamId, version, currentVersion);
        }
    }
}
