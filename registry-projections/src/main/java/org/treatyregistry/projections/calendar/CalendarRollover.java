package org.treatyregistry.projections.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.StoredFact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-derives the calendar items of obligations derived for another day than today (the day turned, or the rows
 * predate the items), with the same derivation as the projection. Until an obligation is re-derived, calendar queries
 * about today that include it are derived on read, so no answer is ever stale; this only brings the fast answers back.
 * <p>
 * Safe beside the projection processor: each obligation is re-derived in a transaction of its own that first locks
 * its reporting_obligation row (only if it is still stale), then reads its facts, replaces its items and marks the row
 * with the day. The processor deletes that row before the items when it rewrites a stream
 * ({@link ReportingObligationReadModel#tables}), so it waits for the lock, and its rows, computed from all the facts
 * including its own, replace these; a rollover that comes second finds the row replaced (or already of today) and
 * leaves it.
 */
@Component
public class CalendarRollover {

    private final FactRepository facts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CalendarRollover(FactRepository facts, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Re-derives every stale obligation, {@code batch} ids at a time; returns how many it re-derived. */
    public int run(int batch) {
        LocalDate today = LocalDate.now(clock);
        int done = 0;
        String after = "";
        while (LocalDate.now(clock).equals(today)) {
            List<String> stale = jdbc.queryForList("SELECT obligation_id FROM reporting_obligation WHERE obligation_id > ?"
                    + " AND (calendar_derived_on IS NULL OR calendar_derived_on <> ?) ORDER BY obligation_id LIMIT ?",
                    String.class, after, today, batch);
            for (String obligationId : stale) {
                if (rederive(obligationId, today)) {
                    done++;
                }
                after = obligationId;
            }
            if (stale.size() < batch) {
                break;
            }
        }
        return done;
    }

    /** Re-derives one obligation's items for {@code day}, unless it is gone or already derived for that day. */
    public boolean rederive(String obligationId, LocalDate day) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            List<String> locked = jdbc.queryForList("SELECT obligation_id FROM reporting_obligation WHERE obligation_id = ?"
                    + " AND (calendar_derived_on IS NULL OR calendar_derived_on <> ?) FOR UPDATE", String.class, obligationId,
                    day);
            if (locked.isEmpty()) {
                return false;
            }
            List<StoredFact> stream = facts.stream(obligationId, null);
            if (stream.isEmpty()) {
                return false;
            }
            List<Object[]> rows = new ArrayList<>();
            ReportingObligationReadModel.calendarRows(obligationId, facts.effective(stream, ReportingFact.class), day,
                    (table, values) -> rows.add(FactProjection.jdbcValues(values)));
            jdbc.update(CalendarItems.TABLE.deleteByKeySql(), obligationId);
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(CalendarItems.TABLE.insertSql(), rows);
            }
            jdbc.update("UPDATE reporting_obligation SET calendar_derived_on = ? WHERE obligation_id = ?", day,
                    obligationId);
            return true;
        }));
    }
}
