package org.treatyregistry.api.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of the reminder job did.
 *
 * @param trigger    SCHEDULE, ADMIN (POST /api/reminders/run) or a caller's name
 * @param outcome    COMPLETED; DISABLED (settings paused); NO_CHANNEL (neither e-mail nor webhook configured);
 *                   READ_MODELS_BEHIND (the read models were replaying, nothing was done: a partial calendar would
 *                   look like closed items)
 * @param openItems  open calendar items (UPCOMING, DUE_SOON) examined
 * @param created    notices recorded for sending in this run
 * @param skipped    lead times passed at the same time as a nearer one: recorded, not sent
 * @param cancelled  outstanding notices that no longer apply
 * @param deliveries every delivery attempt of this run
 */
public record ReminderRunReport(String trigger, LocalDate asOf, Instant startedAt, Instant finishedAt, String outcome,
                                int openItems, List<NoticeAction> created, List<NoticeAction> skipped,
                                List<NoticeAction> cancelled, List<DeliveryAction> deliveries, int delivered,
                                int failed) {

    public record NoticeAction(String noticeKey, String itemUid, int leadDays, LocalDate dueLatest, String reason) {
    }

    /** @param outcome DELIVERED or FAILED */
    public record DeliveryAction(String noticeKey, String channel, int attempt, String outcome, String target,
                                 Integer httpStatus, String error) {
    }
}
