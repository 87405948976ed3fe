package org.treatyregistry.projections.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * The reporting calendar, for one state or all ({@code state == null}).
 *
 * @param statuses      keep only these statuses (empty: all open items, or everything with {@code includeClosed})
 * @param dueFrom       keep items due on or after this day (by the end of their due period)
 * @param dueTo         keep items due on or before this day
 * @param asOf          the day the statuses are computed for; facts with a later legal date are left out
 * @param soonDays      an open item due within this many days is DUE_SOON
 * @param recordedAt    only facts recorded up to this instant ({@code null}: all); what the registry knew then
 * @param includeClosed also reviewed reports and submitted follow-up information
 * @param kinds         keep only these kinds of item (REPORT, FOLLOW_UP); empty: all
 */
public record FindCalendarQuery(String state, String body, String instrument, Set<String> statuses, LocalDate dueFrom,
                                LocalDate dueTo, LocalDate asOf, int soonDays, Instant recordedAt, boolean includeClosed,
                                int page, int size, Set<String> kinds) {

    public FindCalendarQuery(String state, String body, String instrument, Set<String> statuses, LocalDate dueFrom,
                             LocalDate dueTo, LocalDate asOf, int soonDays, Instant recordedAt, boolean includeClosed,
                             int page, int size) {
        this(state, body, instrument, statuses, dueFrom, dueTo, asOf, soonDays, recordedAt, includeClosed, page, size, Set.of());
    }
}
