package org.treatyregistry.api.admin;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk rebuild's COPY text: what the driver would have sent for the same values, escaped as COPY reads it. */
class CopyTextTest {

    @Test
    void writesInstantsAsTheLocalDateTimeTimestampWouldShow() {
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long seconds = -2_208_988_800L + (long) (random.nextDouble() * 8_000_000_000L); // 1900 to ~2153
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                case 3 -> random.nextInt(1_000_000_000);
                default -> 100_000_000 * random.nextInt(10);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(copyText(instant)).as(instant.toString()).isEqualTo(Timestamp.from(instant).toString());
        }
    }

    @Test
    void writesInstantsBeforeTheGregorianCalendarAndAfterYear9999AsTimestampDoes() {
        for (String text : java.util.List.of("0812-03-04T05:06:07.890Z", "1582-10-04T23:59:59Z", "1582-10-15T00:00:00Z",
                "1583-01-01T00:00:00.5Z", "+12026-11-22T10:00:00Z")) {
            Instant instant = Instant.parse(text);
            assertThat(copyText(instant)).as(text).isEqualTo(Timestamp.from(instant).toString());
        }
    }

    @Test
    void escapesWhatCopyWouldOtherwiseReadAsDelimitersOrEscapes() {
        assertThat(copyText("{\"a\":\"x\\\"y\"}\tb\nc\rd\\")).isEqualTo("{\"a\":\"x\\\\\"y\"}\\tb\\nc\\rd\\\\");
        assertThat(copyText("plain, ünïcödé")).isEqualTo("plain, ünïcödé");
        assertThat(copyText("")).isEmpty();
        assertThat(copyText(null)).isEqualTo("\\N");
        assertThat(copyText(true)).isEqualTo("t");
        assertThat(copyText(42L)).isEqualTo("42");
    }

    private static String copyText(Object value) {
        StringBuilder out = new StringBuilder();
        BulkRebuild.appendCopyValue(out, value);
        return out.toString();
    }
}
