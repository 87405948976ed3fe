package org.treatyregistry.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.shared.RegistryException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures send a command again, how often, and from where. */
class ConflictRetryTest {

    private final ConflictRetry retry = new ConflictRetry(3);
    private final GenericCommandMessage<String> command = new GenericCommandMessage<>("a command");

    @Test
    void sendsACommandThatLostARaceAgainAtOnce() {
        for (RuntimeException lost : List.of(new ConcurrencyException("the store refused the append"),
                new StaleAggregateException(command, null),
                new AggregateStreamCreationException("another instance began the stream"),
                new IllegalStateException("a policy's command failed", new ConcurrencyException("nested")))) {
            AtomicInteger sent = new AtomicInteger();
            assertThat(retry.scheduleRetry(command, lost, failures(1), sent::incrementAndGet)).as(lost.toString()).isTrue();
            assertThat(sent).as(lost.toString()).hasValue(1);
        }
    }

    @Test
    void answersARefusalAsItIs() {
        AtomicInteger sent = new AtomicInteger();
        assertThat(retry.scheduleRetry(command, RegistryException.notFound("RESERVATION_NOT_FOUND", "reference", "no such reservation"),
                failures(1), sent::incrementAndGet)).isFalse();
        assertThat(retry.scheduleRetry(command, new IllegalStateException("broken"), failures(1), sent::incrementAndGet)).isFalse();
        assertThat(sent).hasValue(0);
    }

    @Test
    void givesUpAfterItsRetries() {
        AtomicInteger sent = new AtomicInteger();
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("again"), failures(3), sent::incrementAndGet)).isTrue();
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("and again"), failures(4), sent::incrementAndGet)).isFalse();
        assertThat(sent).hasValue(1);
    }

    @Test
    void leavesACommandSentInsideAnotherCommandsUnitOfWorkToThatCommand() {
        AtomicInteger sent = new AtomicInteger();
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(command);
        try {
            assertThat(retry.scheduleRetry(command, new ConcurrencyException("nested"), failures(1), sent::incrementAndGet)).isFalse();
        } finally {
            outer.rollback();
        }
        assertThat(sent).hasValue(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
