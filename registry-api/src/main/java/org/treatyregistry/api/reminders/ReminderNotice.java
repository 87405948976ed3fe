package org.treatyregistry.api.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reminder the registry has decided on: one per calendar item, lead time and due date ({@code noticeKey}).
 *
 * @param reminderOn the day the lead time was reached (due date minus lead time)
 * @param status     PENDING (a delivery is outstanding), DELIVERED, SKIPPED (a nearer lead time was reached at the
 *                   same time; never sent), CANCELLED (the item left the open calendar, its due date moved, or a
 *                   nearer notice superseded it)
 * @param reason     why it was skipped or cancelled
 * @param createdOn  the registry's day when the notice was recorded
 */
public record ReminderNotice(String noticeKey, String itemUid, int leadDays, LocalDate dueLatest, String due,
                             String state, String instrument, String body, String label, LocalDate reminderOn,
                             String status, String reason, LocalDate createdOn, Instant createdAt, Instant closedAt,
                             List<Delivery> deliveries) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String SKIPPED = "SKIPPED";
    public static final String CANCELLED = "CANCELLED";

    /**
     * @param channel  EMAIL or WEBHOOK
     * @param status   PENDING, SENDING, DELIVERED, FAILED (retried on the next run), CANCELLED
     * @param attempts how many times it was tried
     * @param target   the recipients or URL of the last attempt
     */
    public record Delivery(String channel, String status, int attempts, String target, Instant lastAttemptAt,
                           String lastError, Instant deliveredAt) {
    }

    static String key(String itemUid, int leadDays, LocalDate dueLatest) {
        return itemUid + "|" + leadDays + "|" + dueLatest;
    }
}
