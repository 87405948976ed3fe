package org.treatyregistry.api.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminder job {@code registry.reminders.schedule.initial-delay} after start-up (catching up on whatever
 * came due while the registry was down), then every {@code registry.reminders.schedule.interval} after the previous
 * run ended. {@code registry.reminders.schedule.enabled=false} leaves only {@code POST /api/reminders/run}.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "registry.reminders.schedule", name = "enabled", havingValue = "true", matchIfMissing = true)
class ReminderScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);

    private final ReminderService reminders;

    ReminderScheduler(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Scheduled(initialDelayString = "${registry.reminders.schedule.initial-delay:PT1M}",
            fixedDelayString = "${registry.reminders.schedule.interval:PT15M}")
    void runScheduled() {
        try {
            reminders.run("SCHEDULE");
        } catch (RuntimeException e) {
            // the next run retries; a scheduled task that throws would only be logged by the scheduler anyway
            LOG.error("reminder run failed", e);
        }
    }
}
