package org.treatyregistry.core.reporting;

import org.junit.jupiter.api.Test;
import org.treatyregistry.core.shared.LegalDate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.DUE_SOON;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.NO_DUE_DATE;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.OVERDUE;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.REVIEWED;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.REVIEWED_WITHOUT_REPORT;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.SUBMITTED;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.SUBMITTED_AWAITING_REVIEW;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.UPCOMING;

/** Where an item stands on a day: ScheduleItem.standingOn(asOf, soonDays), on the ICCPR initial report due 24 Apr 2007. */
class ScheduleItemStandingTest {

    private static final LegalDate DUE = LegalDate.parse("2007-04-24");

    private static ScheduleItem report(LegalDate due, String submitted, String reviewSession, String reviewedInAbsence) {
        return new ScheduleItem("report:1", ScheduleItem.Kind.REPORT, ReportCoverage.single(1), "initial report", due,
                DueBasis.treaty("ICCPR art. 40(1)"), ReportingProcedure.STANDARD, 0, submitted,
                submitted == null ? null : LegalDate.parse("2009-07-27"), reviewSession, reviewedInAbsence, null);
    }

    private static ScheduleItem open(LegalDate due) {
        return report(due, null, null, null);
    }

    @Test
    void anItemPastItsDueDateIsOverdueByTheDaysSince() {
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 5, 4), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 10));
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 4, 25), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 1));
    }

    @Test
    void anItemOnItsDueDayIsDueSoonNotOverdue() {
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 4, 24), 30)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 0));
    }

    @Test
    void anItemWithinTheWarningPeriodIsDueSoonWithTheDaysLeft() {
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 4, 14), 30)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 10));
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 3, 25), 30)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 30));
    }

    @Test
    void anItemFurtherAwayIsUpcomingWithTheDaysLeft() {
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 3, 24), 30)).isEqualTo(new ScheduleItem.Standing(UPCOMING, 31));
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(UPCOMING, 113));
        assertThat(open(DUE).standingOn(LocalDate.of(2007, 1, 1), 0).status()).isEqualTo(UPCOMING);
    }

    @Test
    void aCoarseDueDateIsMeasuredFromTheEndOfItsPeriod() {
        LegalDate dueIn2014 = LegalDate.parse("2014");

        assertThat(open(dueIn2014).standingOn(LocalDate.of(2014, 12, 31), 30)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 0));
        assertThat(open(dueIn2014).standingOn(LocalDate.of(2015, 1, 10), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 10));
        assertThat(open(LegalDate.parse("2014-05")).standingOn(LocalDate.of(2014, 5, 20), 5)).isEqualTo(new ScheduleItem.Standing(UPCOMING, 11));
    }

    @Test
    void aSubmittedReportAwaitsItsReview() {
        ScheduleItem submitted = report(DUE, "CCPR/C/KAZ/1", null, null);

        assertThat(submitted.submitted()).isTrue();
        assertThat(submitted.standingOn(LocalDate.of(2010, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(SUBMITTED_AWAITING_REVIEW, 0));
        assertThat(SUBMITTED_AWAITING_REVIEW.open()).isTrue();
    }

    @Test
    void aReviewedReportIsClosed() {
        ScheduleItem reviewed = report(DUE, "CCPR/C/KAZ/1", "102nd", null);

        assertThat(reviewed.standingOn(LocalDate.of(2012, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(REVIEWED, 0));
        assertThat(REVIEWED.open()).isFalse();
    }

    @Test
    void submittedFollowUpInformationIsClosed() {
        ScheduleItem followUp = new ScheduleItem("follow-up:CCPR/C/KAZ/CO/1", ScheduleItem.Kind.FOLLOW_UP, null,
                "follow-up information", LegalDate.parse("2012-07-26"), DueBasis.committee("CCPR/C/KAZ/CO/1"),
                ReportingProcedure.STANDARD, 0, "CCPR/C/KAZ/CO/1/Add.1", LegalDate.parse("2012-08-01"), null, null, "CCPR/C/KAZ/CO/1");

        assertThat(followUp.standingOn(LocalDate.of(2013, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(SUBMITTED, 0));
        assertThat(SUBMITTED.open()).isFalse();
    }

    @Test
    void aReportReviewedInItsAbsenceStaysOpenAndCountsTheDaysLate() {
        ScheduleItem absent = report(DUE, null, null, "95th session");

        assertThat(absent.standingOn(LocalDate.of(2007, 5, 24), 30)).isEqualTo(new ScheduleItem.Standing(REVIEWED_WITHOUT_REPORT, 30));
        assertThat(REVIEWED_WITHOUT_REPORT.open()).isTrue();
    }

    @Test
    void aReportReviewedInItsAbsenceAndSubmittedLaterAwaitsReview() {
        assertThat(report(DUE, "CCPR/C/KAZ/1", null, "95th session").standingOn(LocalDate.of(2010, 1, 1), 30).status())
                .isEqualTo(SUBMITTED_AWAITING_REVIEW);
    }

    @Test
    void aReportOnRequestWithoutADateHasNoDueDate() {
        assertThat(open(null).standingOn(LocalDate.of(2010, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(NO_DUE_DATE, 0));
        assertThat(report(null, null, null, "95th session").standingOn(LocalDate.of(2010, 1, 1), 30))
                .isEqualTo(new ScheduleItem.Standing(REVIEWED_WITHOUT_REPORT, 0));
        assertThat(NO_DUE_DATE.open()).isTrue();
    }

    @Test
    void overdueUpcomingAndDueSoonAreOpen() {
        assertThat(OVERDUE.open()).isTrue();
        assertThat(UPCOMING.open()).isTrue();
        assertThat(DUE_SOON.open()).isTrue();
    }
}
