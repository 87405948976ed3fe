package org.treatyregistry.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A command was judged on a cached aggregate that another writer had moved on meanwhile, and appended nothing: its
 * answer is not to be trusted. A concurrency conflict like the store's own (409 CONCURRENT_CHANGE if it comes to the
 * client), which {@link ConflictRetry} answers by sending the command again on the aggregate read anew.
 */
public class StaleAggregateException extends ConcurrencyException {

    public StaleAggregateException(CommandMessage<?> command, Throwable answer) {
        super(command.getCommandName() + " was judged on a cached aggregate that is behind the event store"
                + (answer == null ? "" : " (its answer was: " + answer + ")"), answer);
    }
}
