package org.treatyregistry.api.reminders;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notices, deliveries and attempts. Exactly-once decisions rest on the database: a notice is inserted under its
 * key (a duplicate means another run or instance already decided it) and a delivery is claimed by a conditional update
 * before it is attempted.
 */
@Repository
public class ReminderRepository {

    /** A notice to insert, with the item as it was in the calendar. */
    record NewNotice(String key, String itemUid, int leadDays, LocalDate dueLatest, String due, String state,
                     String instrument, String body, String label, String item) {
    }

    /** An outstanding delivery with what is needed to send it. */
    record Outstanding(String noticeKey, String channel, int leadDays, LocalDate dueLatest, String item) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ReminderRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Lead time to status of every notice recorded for this item and due date. */
    public Map<Integer, String> leadStatuses(String itemUid, LocalDate dueLatest) {
        Map<Integer, String> result = new HashMap<>();
        jdbc.query("SELECT lead_days, status FROM reminder_notice WHERE item_uid = ? AND due_latest = ?",
                rs -> {
                    result.put(rs.getInt(1), rs.getString(2));
                }, itemUid, dueLatest);
        return result;
    }

    /** Records a notice to send on these channels; {@code false} when it was already recorded. */
    boolean createPending(NewNotice n, Collection<String> channels, LocalDate today, Instant now) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                insert(n, ReminderNotice.PENDING, null, today, now);
                for (String channel : channels) {
                    jdbc.update("INSERT INTO reminder_delivery (notice_key, channel, status, attempts) VALUES (?, ?, 'PENDING', 0)",
                            n.key(), channel);
                }
                return true;
            }));
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** Records a lead time that passed without a notice; {@code false} when one was already recorded. */
    boolean createSkipped(NewNotice n, String reason, LocalDate today, Instant now) {
        try {
            insert(n, ReminderNotice.SKIPPED, reason, today, now);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    private void insert(NewNotice n, String status, String reason, LocalDate today, Instant now) {
        jdbc.update("""
                        INSERT INTO reminder_notice (notice_key, item_uid, lead_days, due_latest, due_text, state_code, instrument, body,
                            label, reminder_on, status, reason, item, created_on, created_at, closed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.key(), n.itemUid(), n.leadDays(), n.dueLatest(), n.due(), n.state(), n.instrument(), n.body(),
                truncate(n.label(), 300), n.dueLatest().minusDays(n.leadDays()), status, truncate(reason, 500), n.item(),
                today, Timestamp.from(now), status.equals(ReminderNotice.PENDING) ? null : Timestamp.from(now));
    }

    /** Notices with a delivery outstanding: key, item uid, lead time, due date. */
    List<ReminderNotice> pendingNotices() {
        return notices("WHERE n.status = 'PENDING'", List.of(), Integer.MAX_VALUE);
    }

    /** Cancels an outstanding notice and its outstanding deliveries; {@code false} if it was no longer outstanding. */
    boolean cancel(String noticeKey, String reason, Instant now) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            int changed = jdbc.update("UPDATE reminder_notice SET status = 'CANCELLED', reason = ?, closed_at = ? WHERE notice_key = ? AND status = 'PENDING'",
                    truncate(reason, 500), Timestamp.from(now), noticeKey);
            if (changed == 0) {
                return false;
            }
            jdbc.update("UPDATE reminder_delivery SET status = 'CANCELLED' WHERE notice_key = ? AND status IN ('PENDING', 'FAILED')",
                    noticeKey);
            return true;
        }));
    }

    /** Deliveries to attempt: pending, failed, or claimed by a run that did not finish within the lease. */
    List<Outstanding> outstandingDeliveries(Instant leaseExpiredBefore) {
        return jdbc.query("""
                        SELECT d.notice_key, d.channel, n.lead_days, n.due_latest, n.item
                        FROM reminder_delivery d JOIN reminder_notice n ON n.notice_key = d.notice_key
                        WHERE n.status = 'PENDING'
                          AND (d.status IN ('PENDING', 'FAILED') OR (d.status = 'SENDING' AND d.claimed_at < ?))
                        ORDER BY n.created_at, d.notice_key, d.channel""",
                (rs, i) -> new Outstanding(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5)),
                Timestamp.from(leaseExpiredBefore));
    }

    /**
     * Claims a delivery for one attempt. Returns the attempt number, or 0 when another run has it or it is done: a
     * delivered notice is never claimed again.
     */
    int claim(String noticeKey, String channel, Instant now, Instant leaseExpiredBefore) {
        int claimed = jdbc.update("""
                        UPDATE reminder_delivery SET status = 'SENDING', claimed_at = ?, attempts = attempts + 1
                        WHERE notice_key = ? AND channel = ?
                          AND (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND claimed_at < ?))
                          AND EXISTS (SELECT 1 FROM reminder_notice n WHERE n.notice_key = ? AND n.status = 'PENDING')""",
                Timestamp.from(now), noticeKey, channel, Timestamp.from(leaseExpiredBefore), noticeKey);
        if (claimed == 0) {
            return 0;
        }
        return jdbc.queryForObject("SELECT attempts FROM reminder_delivery WHERE notice_key = ? AND channel = ?",
                Integer.class, noticeKey, channel);
    }

    /** Records the attempt and its outcome, and closes the notice once no delivery is outstanding. */
    void recordAttempt(String noticeKey, String channel, int attempt, boolean delivered, String target,
                       Integer httpStatus, String error, Instant now) {
        tx.executeWithoutResult(status -> {
            Timestamp at = Timestamp.from(now);
            jdbc.update("INSERT INTO reminder_attempt (notice_key, channel, attempt, attempted_at, outcome, target, http_status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    noticeKey, channel, attempt, at, delivered ? "DELIVERED" : "FAILED", truncate(target, 2000), httpStatus,
                    truncate(error, 1000));
            jdbc.update("UPDATE reminder_delivery SET status = ?, last_attempt_at = ?, last_error = ?, delivered_at = ?, target = ?, claimed_at = NULL WHERE notice_key = ? AND channel = ? AND status = 'SENDING'",
                    delivered ? "DELIVERED" : "FAILED", at, delivered ? null : truncate(error, 1000), delivered ? at : null,
                    truncate(target, 2000), noticeKey, channel);
            Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM reminder_delivery WHERE notice_key = ? AND status IN ('PENDING', 'SENDING', 'FAILED')",
                    Integer.class, noticeKey);
            if (open != null && open == 0) {
                jdbc.update("UPDATE reminder_notice SET status = 'DELIVERED', closed_at = ? WHERE notice_key = ? AND status = 'PENDING'",
                        at, noticeKey);
            }
        });
    }

    /** Notices, newest first, with their deliveries. */
    public List<ReminderNotice> list(String itemUid, String status, int limit) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (itemUid != null) {
            where.append(" AND n.item_uid = ?");
            args.add(itemUid);
        }
        if (status != null) {
            where.append(" AND n.status = ?");
            args.add(status);
        }
        return notices(where.toString(), args, limit);
    }

    private List<ReminderNotice> notices(String where, List<Object> args, int limit) {
        Map<String, ReminderNotice> notices = new LinkedHashMap<>();
        jdbc.query("SELECT n.notice_key, n.item_uid, n.lead_days, n.due_latest, n.due_text, n.state_code, n.instrument, n.body, n.label, "
                        + "n.reminder_on, n.status, n.reason, n.created_on, n.created_at, n.closed_at FROM reminder_notice n "
                        + where + " ORDER BY n.created_at DESC, n.item_uid, n.lead_days DESC"
                        + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + Math.max(1, limit)),
                rs -> {
                    ReminderNotice n = notice(rs);
                    notices.put(n.noticeKey(), n);
                }, args.toArray());
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReminderNotice.Delivery>> deliveries = new HashMap<>();
        // the deliveries of the notices read, in one query per batch of keys
        List<String> keys = new ArrayList<>(notices.keySet());
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            jdbc.query("SELECT notice_key, channel, status, attempts, target, last_attempt_at, last_error, delivered_at FROM reminder_delivery WHERE notice_key IN ("
                            + marks + ") ORDER BY notice_key, channel",
                    rs -> {
                        deliveries.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ReminderNotice.Delivery(
                                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), instant(rs, 6),
                                rs.getString(7), instant(rs, 8)));
                    }, batch.toArray());
        }
        List<ReminderNotice> result = new ArrayList<>();
        for (ReminderNotice n : notices.values()) {
            result.add(new ReminderNotice(n.noticeKey(), n.itemUid(), n.leadDays(), n.dueLatest(), n.due(), n.state(),
                    n.instrument(), n.body(), n.label(), n.reminderOn(), n.status(), n.reason(), n.createdOn(),
                    n.createdAt(), n.closedAt(), List.copyOf(deliveries.getOrDefault(n.noticeKey(), List.of()))));
        }
        return result;
    }

    private static ReminderNotice notice(ResultSet rs) throws SQLException {
        return new ReminderNotice(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getObject(13, LocalDate.class),
                instant(rs, 14), instant(rs, 15), List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
