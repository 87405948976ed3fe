package org.treatyregistry.api.audit;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored timestamps read back as the instants {@link Instant#parse} gives, whatever their form. */
class StoredEventTest {

    @Test
    void readsEveryFormOfStoredTimestampAsInstantParseDoes() {
        Random random = new Random(4829);
        for (int i = 0; i < 100_000; i++) {
            long seconds = -2_208_988_800L + (long) (random.nextDouble() * 8_000_000_000L);
            int nanos = i % 4 == 0 ? 0 : i % 4 == 1 ? random.nextInt(1_000) * 1_000_000 : random.nextInt(1_000_000_000);
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            for (String text : List.of(DateTimeUtils.formatInstant(instant), DateTimeFormatter.ISO_INSTANT.format(instant),
                    instant.toString())) {
                assertThat(StoredEvent.instant(text)).as(text).isEqualTo(Instant.parse(text));
            }
        }
    }

    @Test
    void leavesOtherFormsToInstantParse() {
        for (String text : List.of("2026-11-22T14:36:48+01:00", "2026-11-22T14:36:48.1234567890Z", "+12026-11-22T14:36:48Z",
                "2016-12-31T23:59:60Z", "2026-11-22T24:00:00Z",
                "2026-11-22T10:00:00.Z", "2026-11-22T14:36Z")) {
            Object expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                expected = DateTimeParseException.class;
            }
            if (expected instanceof Instant parsed) {
                assertThat(StoredEvent.instant(text)).as(text).isEqualTo(parsed);
            } else {
                assertThatThrownBy(() -> StoredEvent.instant(text)).as(text).isInstanceOf(DateTimeParseException.class);
            }
        }
    }

    @Test
    void rejectsWhatIsNoTimestampAsInstantParseDoes() {
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-1x-01T10:00:00Z", "2026-11-22T25:00:00Z",
                "2026-11-22T10:00:00,5Z", "2026-11-22 10:00:00Z", "yesterday")) {
            assertThatThrownBy(() -> Instant.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> StoredEvent.instant(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
