package org.treatyregistry.api.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: "today" for the registry is whatever day the test sets (at noon UTC). */
final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(LocalDate today) {
        setToday(today);
    }

    void setToday(LocalDate today) {
        now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
