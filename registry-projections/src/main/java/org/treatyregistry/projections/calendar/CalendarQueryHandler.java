package org.treatyregistry.projections.calendar;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers calendar queries. The specification is {@link #deriveOnRead}: each obligation's schedule derived from its
 * projected facts with the same {@link org.treatyregistry.core.reporting.ReportingSchedule} the aggregate guards with,
 * so the calendar cannot disagree with the rules that accepted the facts, and "as of" any day or recording instant is
 * the same computation on fewer facts.
 * <p>
 * The projection also keeps the open items of every obligation's schedule as derived for the day it wrote it
 * (calendar_item, see {@link ReportingObligationReadModel}). A query about open items today and everything recorded
 * ({@link #fromItems}) is answered from those rows when every obligation in scope was derived for today, which is the
 * same answer without deriving anything; otherwise (another day, an earlier recording instant, closed items, or an
 * obligation the rollover has not re-derived yet) it is derived on read.
 */
@Component
public class CalendarQueryHandler {

    private static final Comparator<CalendarEntry> ORDER = Comparator.comparing(CalendarEntry::dueLatest,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(CalendarEntry::uid);
    private static final LocalDate LAST_SQL_DAY = LocalDate.of(9999, 12, 31);

    private final FactRepository facts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CalendarQueryHandler(FactRepository facts, JdbcTemplate jdbc, Clock clock) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @QueryHandler
    public CalendarPage handle(FindCalendarQuery query) {
        return fromItems(query).orElseGet(() -> deriveOnRead(query));
    }

    /** The calendar derived from the projected facts, whatever the query: the specification of the answer. */
    public CalendarPage deriveOnRead(FindCalendarQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<CalendarEntry> entries = new ArrayList<>();
        facts.forEachStream(StreamType.REPORTING, query.state(), query.recordedAt(), (streamId, rows) -> {
            CalendarItems.Schedule schedule = CalendarItems.derive(facts.effective(rows, ReportingFact.class), asOf);
            if (schedule == null) {
                return;
            }
            var opened = schedule.opened();
            if (query.instrument() != null && !query.instrument().equals(opened.instrument().value())
                    || query.body() != null && !query.body().equals(opened.body().value())) {
                return;
            }
            StoredFact last = rows.get(rows.size() - 1);
            for (ScheduleItem item : schedule.items()) {
                ScheduleItem.Standing standing = item.standingOn(asOf, query.soonDays());
                if (keep(query, item, standing)) {
                    entries.add(CalendarItems.entry(opened.obligationId(), opened.state().value(), opened.instrument().value(),
                            opened.body().value(), item, standing, last.recordedAt()));
                }
            }
        });
        entries.sort(ORDER);
        int size = Math.max(1, Math.min(query.size(), 1000));
        int from = Math.min(entries.size(), Math.max(0, query.page()) * size);
        return new CalendarPage(List.copyOf(entries.subList(from, Math.min(entries.size(), from + size))),
                query.page(), size, entries.size(), asOf);
    }

    private static boolean keep(FindCalendarQuery query, ScheduleItem item, ScheduleItem.Standing standing) {
        if (query.kinds() != null && !query.kinds().isEmpty() && !query.kinds().contains(item.kind().name())) {
            return false;
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            if (!query.statuses().contains(standing.status().name())) {
                return false;
            }
        } else if (!query.includeClosed() && !standing.status().open()) {
            return false;
        }
        if (query.dueFrom() != null && (item.due() == null || item.due().latest().isBefore(query.dueFrom()))) {
            return false;
        }
        return query.dueTo() == null || item.due() != null && !item.due().latest().isAfter(query.dueTo());
    }

    /**
     * The same answer as {@link #deriveOnRead}, from the items the projection derived for today, filtered, ordered
     * and paged in SQL; each item's standing (status, days) is computed here for the query's day and "due soon" window.
     * Empty when the items cannot answer: a day other than today, an earlier recording instant, closed items asked for
     * (includeClosed, REVIEWED, SUBMITTED), an obligation in scope not derived for today, or a value SQL cannot carry
     * exactly.
     */
    public Optional<CalendarPage> fromItems(FindCalendarQuery query) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = query.asOf() != null ? query.asOf() : today;
        if (query.recordedAt() != null || !asOf.equals(today)) {
            return Optional.empty();
        }
        int size = Math.max(1, Math.min(query.size(), 1000));
        int from = Math.max(0, query.page()) * size;
        if (from < 0 || !sqlDay(query.dueFrom()) || !sqlDay(query.dueTo()) || !sqlDay(asOf.minusDays(1))
                || (long) asOf.toEpochDay() + query.soonDays() > LAST_SQL_DAY.toEpochDay()) {
            return Optional.empty(); // int overflow of the page offset, or a day outside SQL's years: derive on read
        }
        if (asksForClosed(query) || !derivedFor(today, query.state())) {
            return Optional.empty();
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.state() != null) {
            where.append(" AND i.state_code = ?");
            args.add(query.state());
        }
        if (query.body() != null) {
            where.append(" AND i.body = ?");
            args.add(query.body());
        }
        if (query.instrument() != null) {
            where.append(" AND i.instrument = ?");
            args.add(query.instrument());
        }
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            where.append(" AND i.kind IN (").append("?, ".repeat(query.kinds().size() - 1)).append("?)");
            args.addAll(query.kinds());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            statuses(query, asOf, where, args);
        }
        if (query.dueFrom() != null) {
            where.append(" AND i.due_latest >= ?");
            args.add(query.dueFrom());
        }
        if (query.dueTo() != null) {
            where.append(" AND i.due_latest <= ?");
            args.add(query.dueTo());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add(from);
        List<CalendarEntry> items = jdbc.query("SELECT i.*, o.updated_at FROM calendar_item i JOIN reporting_obligation o"
                        + " ON o.obligation_id = i.obligation_id" + where + " ORDER BY i.sort_key LIMIT ? OFFSET ?",
                (rs, i) -> {
                    ScheduleItem item = CalendarItems.item(rs);
                    String uid = rs.getString("uid");
                    return CalendarItems.entry(uid.substring(0, uid.length() - item.itemId().length() - 1),
                            rs.getString("state_code"), rs.getString("instrument"), rs.getString("body"), item,
                            item.standingOn(asOf, query.soonDays()), rs.getTimestamp("updated_at").toInstant());
                }, pageArgs.toArray());
        // a page that is not full is the last: the total is known without counting
        long total = items.size() < size && (from == 0 || !items.isEmpty()) ? from + items.size()
                : jdbc.queryForObject("SELECT COUNT(*) FROM calendar_item i" + where, Long.class, args.toArray());
        // the day may have turned, and the rollover re-derived an obligation, while the items were read
        if (!LocalDate.now(clock).equals(today) || !derivedFor(today, query.state())) {
            return Optional.empty();
        }
        return Optional.of(new CalendarPage(List.copyOf(items), query.page(), size, total, asOf));
    }

    /** Whether the query asks for closed items, which calendar_item does not keep. */
    private static boolean asksForClosed(FindCalendarQuery query) {
        if (query.statuses() == null || query.statuses().isEmpty()) {
            return query.includeClosed();
        }
        return Arrays.stream(ScheduleItem.Status.values()).anyMatch(s -> !s.open() && query.statuses().contains(s.name()));
    }

    /** Whether every obligation in scope has its items derived for {@code day}. */
    private boolean derivedFor(LocalDate day, String state) {
        // (<, > and IS NULL rather than <>: each is a range of the index on calendar_derived_on)
        List<Integer> stale = jdbc.queryForList("SELECT 1 FROM reporting_obligation WHERE (calendar_derived_on < ?"
                        + " OR calendar_derived_on > ? OR calendar_derived_on IS NULL)" + (state == null ? "" : " AND state_code = ?")
                        + " FETCH FIRST 1 ROWS ONLY", Integer.class,
                state == null ? new Object[]{day, day} : new Object[]{day, day, state});
        return stale.isEmpty();
    }

    /**
     * The statuses asked for, as conditions on the part of the status that does not depend on the day (phase) and the
     * end of the due period (ScheduleItem.standingOn: days = due - asOf; OVERDUE below 0, DUE_SOON from 0 to soonDays,
     * UPCOMING above both).
     */
    private static void statuses(FindCalendarQuery query, LocalDate asOf, StringBuilder where, List<Object> args) {
        // the last day that is "due soon"; before asOf when no day is
        LocalDate soon = query.soonDays() < 0 ? asOf.minusDays(1) : asOf.plusDays(query.soonDays());
        List<String> any = new ArrayList<>();
        for (ScheduleItem.Status status : ScheduleItem.Status.values()) {
            if (!query.statuses().contains(status.name())) {
                continue;
            }
            switch (status) {
                case OVERDUE -> {
                    any.add("i.phase = '" + CalendarItems.DATED + "' AND i.due_latest < ?");
                    args.add(asOf);
                }
                case DUE_SOON -> {
                    any.add("i.phase = '" + CalendarItems.DATED + "' AND i.due_latest >= ? AND i.due_latest <= ?");
                    args.add(asOf);
                    args.add(soon);
                }
                case UPCOMING -> {
                    any.add("i.phase = '" + CalendarItems.DATED + "' AND i.due_latest > ?");
                    args.add(soon);
                }
                default -> any.add("i.phase = '" + status.name() + "'");
            }
        }
        if (any.isEmpty()) {
            where.append(" AND 1 = 0");
            return;
        }
        where.append(" AND (").append(String.join(" OR ", any.stream().map(c -> "(" + c + ")").toList())).append(")");
    }

    private static boolean sqlDay(LocalDate day) {
        return day == null || day.getYear() >= 1 && day.getYear() <= 9999;
    }
}
