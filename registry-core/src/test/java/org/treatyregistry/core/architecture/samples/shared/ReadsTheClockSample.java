package org.treatyregistry.core.architecture.samples.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Violations: reads the system clock in each of the ways the rule forbids. */
public class ReadsTheClockSample {

    public LocalDate today() {
        return LocalDate.now();
    }

    public LocalDate todayInUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public Instant instant() {
        return Instant.now();
    }

    public LocalDateTime dateTime() {
        return LocalDateTime.now();
    }

    public Clock clock() {
        return Clock.systemDefaultZone();
    }
}
