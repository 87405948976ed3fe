package org.treatyregistry.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Sends a command again, at once and at most {@code maxRetries} times, when it lost a race with another writer of its
 * aggregate: the store refused its append (a {@link ConcurrencyException}, as another instance or an import had
 * appended to the stream; an {@link AggregateStreamCreationException}, as another instance had just begun the stream)
 * or it was judged on a cached aggregate found behind the store
 * ({@link StaleAggregateException}). The unit of work that failed was rolled back, and with it Axon dropped the cached
 * aggregate, so the command is judged again on the stream as the store holds it: if it still stands it is recorded,
 * else it gets the answer it deserves (with {@code If-Match}, a version conflict). Everything else, refusals by the
 * domain above all, is answered as it is.
 * <p>
 * Only a command sent outside any unit of work goes again: one sent by a policy inside another command's unit of work
 * fails that command, which is then retried whole.
 */
public final class ConflictRetry implements RetryScheduler {

    private final int maxRetries;

    public ConflictRetry(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (failures.size() > maxRetries || CurrentUnitOfWork.isStarted() || !lostARace(lastFailure)) {
            return false;
        }
        dispatchTask.run();
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
