package org.treatyregistry.api.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.treatyregistry.core.shared.CommandOutcome;

/**
 * Checks the cached aggregates a command was judged on when the command appended nothing (see
 * {@link CheckedAggregateCache}): if one of them was behind the store, the command's answer (a refusal, or "already
 * recorded") may be wrong, so it fails with a {@link StaleAggregateException} instead and {@link ConflictRetry} sends
 * it again. A command that appended needs no check: the store's unique key refuses an append built on a stale
 * aggregate.
 * <p>
 * Whether a command appended is read from its answer: every command handler of registry-core answers with a
 * {@link CommandOutcome}, {@code RECORDED} exactly when it applied events. (Axon hands a command's events to the event
 * bus's interceptors only when its unit of work commits, after this interceptor has returned.) Any other answer is
 * checked.
 */
public final class CachedAggregateVerification implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object answer;
        try {
            answer = chain.proceed();
        } catch (Exception refused) {
            boolean current;
            try {
                current = CheckedAggregateCache.verify(unitOfWork);
            } catch (RuntimeException checkFailed) {
                refused.addSuppressed(checkFailed);
                throw refused;
            }
            if (!current) {
                throw new StaleAggregateException(unitOfWork.getMessage(), refused);
            }
            throw refused;
        }
        boolean appended = answer instanceof CommandOutcome outcome && outcome.result() == CommandOutcome.Result.RECORDED;
        if (!appended && !CheckedAggregateCache.verify(unitOfWork)) {
            throw new StaleAggregateException(unitOfWork.getMessage(), null);
        }
        return answer;
    }
}
