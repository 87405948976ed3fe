package org.treatyregistry.api.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A unit of work that outlasts the threshold is reported once, when it ends, with what it handled; others are not. */
class SlowHandlingLogTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> warnings = new ArrayList<>();
    private final SlowHandlingLog log = new SlowHandlingLog(Duration.ofSeconds(5), nanos::get, warnings::add);

    record SlowCommand() {
    }

    @Test
    void warnsOnlyAboutAUnitOfWorkThatTookLongerThanTheThreshold() throws Exception {
        handle(DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(new SlowCommand())), Duration.ofMillis(4_999));
        assertThat(warnings).isEmpty();

        handle(DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(new SlowCommand())), Duration.ofMillis(5_001));
        assertThat(warnings).containsExactly("handling SlowCommand took 5001 ms (warning after 5000 ms)");
    }

    @Test
    void timesABatchOnceFromItsFirstMessage() {
        BatchingUnitOfWork<Message<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage(new SlowCommand())));
        batch.executeWithResult(() -> {
            new DefaultInterceptorChain<>(batch, List.of(log), m -> {
                nanos.addAndGet(Duration.ofMillis(5_500).toNanos()); // each message alone over the threshold
                return null;
            }).proceed();
            return null;
        });
        assertThat(warnings).containsExactly("handling String took 11000 ms (warning after 5000 ms)");
    }

    @Test
    void saysWhenTheSlowUnitRolledBack() {
        UnitOfWork<Message<?>> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(new SlowCommand()));
        assertThatThrownBy(() -> new DefaultInterceptorChain<>(unit, List.of(log), m -> {
            nanos.addAndGet(Duration.ofSeconds(6).toNanos());
            throw new IllegalStateException("refused");
        }).proceed()).hasMessage("refused");
        unit.rollback();
        assertThat(warnings).containsExactly("handling SlowCommand (rolled back) took 6000 ms (warning after 5000 ms)");
    }

    private void handle(UnitOfWork<Message<?>> unit, Duration taking) throws Exception {
        new DefaultInterceptorChain<>(unit, List.of(log), m -> {
            nanos.addAndGet(taking.toNanos());
            return null;
        }).proceed();
        unit.commit();
    }
}
