package org.treatyregistry.api.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: "today" for the registry is whatever day the test sets (at noon UTC). */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(LocalDate today) {
        setToday(today);
    }

    public void setToday(LocalDate today) {
        now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
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
