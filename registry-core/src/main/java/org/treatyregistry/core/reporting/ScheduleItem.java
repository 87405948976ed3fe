package org.treatyregistry.core.reporting;

import org.treatyregistry.core.shared.LegalDate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One thing the state owes a treaty body: a report (or combined report) or follow-up information.
 *
 * @param itemId        stable across corrections and moved dates: "report:N" (N is the first ordinal) or
 *                      "follow-up:SYMBOL" (the concluding observations that asked for it)
 * @param due           {@code null} only when the committee has set no date (reports on request)
 * @param dueRevision   how many times the due date has moved since the item appeared (0 at first)
 * @param reviewSession the review that considered the submitted report
 * @param reviewedInAbsence the review that took place without this report
 */
public record ScheduleItem(String itemId, Kind kind, ReportCoverage covers, String label, LegalDate due,
                           DueBasis basis, ReportingProcedure procedure, int dueRevision, String submittedSymbol,
                           LegalDate submittedOn, String reviewSession, String reviewedInAbsence,
                           String concludingObservations) {

    public enum Kind { REPORT, FOLLOW_UP }

    public boolean submitted() {
        return submittedSymbol != null;
    }

    /** Where the item stands on {@code asOf}; "due soon" means within {@code soonDays} of the end of the due period. */
    public Standing standingOn(LocalDate asOf, int soonDays) {
        if (reviewSession != null) {
            return new Standing(Status.REVIEWED, 0);
        }
        if (submitted()) {
            return new Standing(kind == Kind.REPORT ? Status.SUBMITTED_AWAITING_REVIEW : Status.SUBMITTED, 0);
        }
        if (reviewedInAbsence != null) {
            return new Standing(Status.REVIEWED_WITHOUT_REPORT, due == null ? 0 : daysBetween(due.latest(), asOf));
        }
        if (due == null) {
            return new Standing(Status.NO_DUE_DATE, 0);
        }
        long days = daysBetween(asOf, due.latest());
        if (days < 0) {
            return new Standing(Status.OVERDUE, -days);
        }
        return days <= soonDays ? new Standing(Status.DUE_SOON, days) : new Standing(Status.UPCOMING, days);
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    public enum Status {
        UPCOMING, DUE_SOON, OVERDUE, SUBMITTED_AWAITING_REVIEW, SUBMITTED, REVIEWED_WITHOUT_REPORT, REVIEWED, NO_DUE_DATE;

        /** Open items are those the desk still has to act on or wait for. */
        public boolean open() {
            return this != REVIEWED && this != SUBMITTED;
        }
    }

    /** @param days for UPCOMING and DUE_SOON the days left, for OVERDUE and REVIEWED_WITHOUT_REPORT the days late */
    public record Standing(Status status, long days) {
    }
}
