package org.treatyregistry.api.config;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Warns when a unit of work (a command, or a batch of the projection processor) took longer than {@code warnAfter},
 * once it ended. It stands in for Axon's handler and unit-of-work timeouts, which this registry turns off
 * ({@code axon.timeout.enabled: false}): they take a stack trace of the thread and schedule a warning task at every
 * handler invocation, ~10% of an append's cost in the benchmark (docs/performance.md). What is given up is Axon's
 * interrupt of a handler past its timeout, which does not stop a thread blocked in a JDBC read anyway.
 */
public final class SlowHandlingLog implements MessageHandlerInterceptor<Message<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SlowHandlingLog.class);
    private static final String STARTED = SlowHandlingLog.class.getName() + ".started";

    private final long warnAfterNanos;
    private final LongSupplier nanoTime;
    private final Consumer<String> warnings;

    public SlowHandlingLog(Duration warnAfter) {
        this(warnAfter, System::nanoTime, LOG::warn);
    }

    /** @param nanoTime a monotonic clock (a duration is measured, not a moment); @param warnings where warnings go */
    SlowHandlingLog(Duration warnAfter, LongSupplier nanoTime, Consumer<String> warnings) {
        this.warnAfterNanos = warnAfter.toNanos();
        this.nanoTime = nanoTime;
        this.warnings = warnings;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (!root.resources().containsKey(STARTED)) {
            // the first message of its unit of work (a processor's batch has several): time the whole unit
            long started = nanoTime.getAsLong();
            root.resources().put(STARTED, started);
            String first = unitOfWork.getMessage().getPayloadType().getSimpleName();
            root.onCleanup(u -> {
                long took = nanoTime.getAsLong() - started;
                if (took > warnAfterNanos) {
                    warnings.accept(String.format("handling %s%s took %d ms (warning after %d ms)", first,
                            u.isRolledBack() ? " (rolled back)" : "", took / 1_000_000, warnAfterNanos / 1_000_000));
                }
            });
        }
        return interceptorChain.proceed();
    }
}
