package org.treatyregistry.api.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.treatyregistry.projections.calendar.CalendarRollover;

/**
 * Re-derives the calendar items of obligations derived for another day (after midnight in registry.time-zone, after
 * an upgrade that added the items), {@code registry.calendar.rollover.batch} obligations a transaction each, every
 * {@code registry.calendar.rollover.interval} after the previous run ended. Until an obligation is re-derived, the
 * calendar queries that include it derive it on read: the answers are the same, only slower.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(prefix = "registry.calendar.rollover", name = "enabled", havingValue = "true", matchIfMissing = true)
class CalendarRolloverScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarRolloverScheduler.class);

    private final CalendarRollover rollover;
    private final int batch;

    CalendarRolloverScheduler(CalendarRollover rollover,
                              @org.springframework.beans.factory.annotation.Value("${registry.calendar.rollover.batch:100}") int batch) {
        this.rollover = rollover;
        this.batch = batch;
    }

    @Scheduled(initialDelayString = "${registry.calendar.rollover.initial-delay:PT5S}",
            fixedDelayString = "${registry.calendar.rollover.interval:PT1M}")
    void runScheduled() {
        try {
            long start = System.nanoTime();
            int done = rollover.run(batch);
            if (done > 0) {
                LOG.info("calendar rollover: re-derived {} obligations in {} ms", done, (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // the next run retries; meanwhile the calendar is derived on read
            LOG.warn("calendar rollover failed", e);
        }
    }
}
