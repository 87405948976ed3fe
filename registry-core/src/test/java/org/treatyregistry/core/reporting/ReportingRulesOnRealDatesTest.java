package org.treatyregistry.core.reporting;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.shared.DatePrecision;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.treatyregistry.core.reporting.Recorded.KAZ;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.DUE_SOON;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.OVERDUE;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.REVIEWED;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.SUBMITTED_AWAITING_REVIEW;
import static org.treatyregistry.core.reporting.ScheduleItem.Status.UPCOMING;

/**
 * The reporting rules of rules.md, reproduced on Kazakhstan's record (shared/domain/kazakhstan.json): entry into force
 * from the Participation aggregate, the opening from the ReportingObligation aggregate, and the schedule from
 * ReportingSchedule and the catalogue.
 */
class ReportingRulesOnRealDatesTest {

    private static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    private static ScheduleItem item(List<ScheduleItem> schedule, String id) {
        return ReportingObligationTest.item(schedule, id);
    }

    private static ReportSubmittedEvent report(ReportingObligationOpenedEvent opened, String symbol, String receivedOn, int from, int to) {
        return new ReportSubmittedEvent(opened.obligationId(), KAZ, opened.instrument(), symbol, d(receivedOn),
                new ReportCoverage(from, to), ReportingProcedure.STANDARD, Source.document(symbol));
    }

    private static ReviewHeldEvent review(ReportingObligationOpenedEvent opened, String session, String startedOn, String... reports) {
        return new ReviewHeldEvent(opened.obligationId(), KAZ, opened.instrument(), session, d(startedOn), null, List.of(reports),
                false, null);
    }

    private static ConcludingObservationsAdoptedEvent co(ReportingObligationOpenedEvent opened, String symbol, String adoptedOn,
                                                         String session, int nextFrom, int nextTo, String nextDue) {
        return new ConcludingObservationsAdoptedEvent(opened.obligationId(), KAZ, opened.instrument(), symbol, d(adoptedOn), session,
                new NextReportRequest(new ReportCoverage(nextFrom, nextTo), d(nextDue)), List.of(), Source.document(symbol));
    }

    @Test
    void iccprInitialReportIsDueOneYearAfterEntryIntoForceAndFurtherReportsOnlyOnRequest() {
        TreatyRatifiedEvent ratified = Recorded.ratification("ICCPR", ConsentAction.RATIFICATION, "2006-01-24");
        ReportingObligationOpenedEvent opened = Recorded.opening(ratified);

        assertThat(ratified.entryIntoForce()).isEqualTo(d("2006-04-24"));
        assertThat(opened.initialReportDue()).isEqualTo(d("2007-04-24"));
        assertThat(opened.initialReportBasis()).isEqualTo("ICCPR art. 40(1): initial report within 1 year of entry into force (2006-04-24)");
        List<ScheduleItem> schedule = ReportingSchedule.derive(List.of(opened), LocalDate.of(2030, 1, 1));
        assertThat(schedule).extracting(ScheduleItem::itemId, ScheduleItem::due).containsExactly(tuple("report:1", d("2007-04-24")));
        // CCPR/C/KAZ/1 was received on 27 July 2009, "somewhat late" (CCPR/C/KAZ/CO/1)
        assertThat(schedule.get(0).standingOn(LocalDate.of(2009, 7, 26), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 824));
    }

    @Test
    void iccprReportDueInAYearIsOnTimeUntilTheEndOfThatYear() {
        ReportingObligationOpenedEvent opened = Recorded.opening(Recorded.ratification("ICCPR", ConsentAction.RATIFICATION, "2006-01-24"));
        List<ReportingFact> facts = List.of(opened,
                report(opened, "CCPR/C/KAZ/1", "2009-07-27", 1, 1),
                review(opened, "102nd", "2011-07-14", "CCPR/C/KAZ/1"),
                co(opened, "CCPR/C/KAZ/CO/1", "2011-07-26", "102nd", 2, 2, "2014"));

        ScheduleItem second = item(ReportingSchedule.derive(facts, LocalDate.of(2014, 12, 1)), "report:2");

        assertThat(second.due()).isEqualTo(d("2014"));
        assertThat(second.due().precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(second.label()).isEqualTo("2nd periodic report");
        // CCPR/C/KAZ/2, "due in 2014", was received on 11 December 2014: 20 days before the end of the due year
        assertThat(second.standingOn(LocalDate.of(2014, 12, 11), 30)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 20));
        assertThat(second.standingOn(LocalDate.of(2015, 1, 1), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 1));
    }

    @Test
    void icerdReportsFallDueEveryTwoYearsOnTheEntryIntoForceAnniversary() {
        TreatyRatifiedEvent ratified = Recorded.ratification("ICERD", ConsentAction.ACCESSION, "1998-08-26");
        ReportingObligationOpenedEvent opened = Recorded.opening(ratified);
        LocalDate horizon = LocalDate.of(2004, 6, 1);

        List<ScheduleItem> schedule = ReportingSchedule.derive(List.of(opened), horizon);

        assertThat(ratified.entryIntoForce()).isEqualTo(d("1998-09-25"));
        // CERD/C/65/CO/3: initial to third reports "due on 25 September 1999, 2001 and 2003"
        assertThat(schedule).extracting(ScheduleItem::itemId, ScheduleItem::due, i -> i.standingOn(horizon, 90).status())
                .containsExactly(
                        tuple("report:1", d("1999-09-25"), OVERDUE),
                        tuple("report:2", d("2001-09-25"), OVERDUE),
                        tuple("report:3", d("2003-09-25"), OVERDUE),
                        tuple("report:4", d("2005-09-25"), UPCOMING));
        assertThat(item(schedule, "report:1").basis()).isEqualTo(DueBasis.treaty(
                "ICERD art. 9(1): initial report within 1 year of entry into force (1998-09-25)"));
        assertThat(item(schedule, "report:2").basis()).isEqualTo(DueBasis.treaty(
                "ICERD art. 9(1): periodic report every 2 years, counted from the previous due date"));
        assertThat(item(schedule, "report:2").label()).isEqualTo("2nd periodic report");
        assertThat(item(schedule, "report:3").standingOn(horizon, 90).days()).isEqualTo(250);
    }

    @Test
    void icerdCombinedReportTakesTheLaterDueDate() {
        // CERD/C/KAZ/4-5 "due in 2007": 4th due 25 Sep 2005 and 5th 25 Sep 2007 combine on the later date
        ReportingObligationOpenedEvent opened = Recorded.opening(Recorded.ratification("ICERD", ConsentAction.ACCESSION, "1998-08-26"));
        List<ReportingFact> facts = List.of(opened,
                report(opened, "CERD/C/439/Add.2", "2003", 1, 3),
                review(opened, "65th", "2004-08-13", "CERD/C/439/Add.2"),
                report(opened, "CERD/C/KAZ/4-5", "2008-07-29", 4, 5));

        List<ScheduleItem> schedule = ReportingSchedule.derive(facts, LocalDate.of(2009, 1, 1));

        assertThat(item(schedule, "report:1").covers()).isEqualTo(new ReportCoverage(1, 3));
        assertThat(item(schedule, "report:1").label()).isEqualTo("combined initial to 3rd reports");
        assertThat(item(schedule, "report:1").due()).isEqualTo(d("2003-09-25"));
        ScheduleItem combined = item(schedule, "report:4");
        assertThat(combined.covers()).isEqualTo(new ReportCoverage(4, 5));
        assertThat(combined.label()).isEqualTo("combined 4th to 5th periodic reports");
        assertThat(combined.due()).isEqualTo(d("2007-09-25"));
        assertThat(combined.submittedOn()).isEqualTo(d("2008-07-29"));
        assertThat(combined.standingOn(LocalDate.of(2009, 1, 1), 30).status()).isEqualTo(SUBMITTED_AWAITING_REVIEW);
        assertThat(schedule).extracting(ScheduleItem::itemId).doesNotContain("report:5");
    }

    @Test
    void cerdCommitteeSetDateOverridesTheTreatyPeriodicity() {
        // CERD/C/KAZ/6-7: "sixth and seventh periodic reports ... due on 25 September 2012", set in CO/4-5,
        // not the biennial 25 Sep 2009 / 2011. CO/4-5's adoption day was not retrieved: "2010-03" (SR.2007).
        ReportingObligationOpenedEvent opened = Recorded.opening(Recorded.ratification("ICERD", ConsentAction.ACCESSION, "1998-08-26"));
        List<ReportingFact> facts = List.of(opened,
                report(opened, "CERD/C/439/Add.2", "2003", 1, 3),
                review(opened, "65th", "2004-08-13", "CERD/C/439/Add.2"),
                co(opened, "CERD/C/65/CO/3", "2004-08-19", "65th", 4, 5, "2007"),
                report(opened, "CERD/C/KAZ/4-5", "2008-07-29", 4, 5),
                review(opened, "76th", "2010-02-26", "CERD/C/KAZ/4-5"),
                co(opened, "CERD/C/KAZ/CO/4-5", "2010-03", "76th", 6, 7, "2012-09-25"));

        List<ScheduleItem> schedule = ReportingSchedule.derive(facts, LocalDate.of(2012, 1, 1));

        assertThat(schedule).extracting(ScheduleItem::itemId).containsExactly("report:1", "report:4", "report:6");
        ScheduleItem next = item(schedule, "report:6");
        assertThat(next.covers()).isEqualTo(new ReportCoverage(6, 7));
        assertThat(next.label()).isEqualTo("combined 6th to 7th periodic reports");
        assertThat(next.due()).isEqualTo(d("2012-09-25"));
        assertThat(next.basis()).isEqualTo(DueBasis.committee("CERD/C/KAZ/CO/4-5"));
        assertThat(next.basis().confirmed()).isTrue();
        assertThat(schedule).extracting(ScheduleItem::due).doesNotContain(d("2009"), d("2011"), d("2009-09-25"), d("2011-09-25"));
        assertThat(item(schedule, "report:4").due()).as("the 4th-5th were due in 2007 as CO/3 set").isEqualTo(d("2007"));
        // CERD/C/KAZ/6-7 was received on 23 Nov 2012: 59 days after the committee's date
        assertThat(next.standingOn(LocalDate.of(2012, 11, 23), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 59));
        // the chain continues from the committee's date: 8th due 25 Sep 2014 by the treaty default
        assertThat(item(ReportingSchedule.derive(facts, LocalDate.of(2013, 1, 1)), "report:8").due()).isEqualTo(d("2014-09-25"));
    }

    @Test
    void crpdInitialReportIsDueTwoYearsAfterEntryIntoForce() {
        TreatyRatifiedEvent ratified = Recorded.ratification("CRPD", ConsentAction.RATIFICATION, "2015-04-21");
        ReportingObligationOpenedEvent opened = Recorded.opening(ratified);

        assertThat(ratified.entryIntoForce()).isEqualTo(d("2015-05-21"));
        assertThat(opened.initialReportDue()).isEqualTo(d("2017-05-21"));
        // CRPD/C/KAZ/1 "due in 2017" was received on 9 June 2017
        ScheduleItem initial = item(ReportingSchedule.derive(List.of(opened), LocalDate.of(2017, 6, 9)), "report:1");
        assertThat(initial.standingOn(LocalDate.of(2017, 6, 9), 30)).isEqualTo(new ScheduleItem.Standing(OVERDUE, 19));
    }

    @Test
    void crpdConcludingObservationsSetTheCombinedSecondToFourthReportsOnTheAnniversary() {
        ReportingObligationOpenedEvent opened = Recorded.opening(Recorded.ratification("CRPD", ConsentAction.RATIFICATION, "2015-04-21"));
        FixtureConfiguration<ReportingObligation> fixture = new AggregateTestFixture<>(ReportingObligation.class);

        fixture.given(opened,
                        report(opened, "CRPD/C/KAZ/1", "2017-06-09", 1, 1),
                        review(opened, "30th (4-22 March 2024)", "2024-03-04", "CRPD/C/KAZ/1"))
                .when(new RecordConcludingObservationsCommand(KAZ, opened.instrument(), "CRPD/C/KAZ/CO/1", d("2024-03-19"),
                        "30th (4-22 March 2024)", new NextReportRequest(new ReportCoverage(2, 4), d("2029-05-21")), null,
                        Source.document("CRPD/C/KAZ/CO/1")))
                .expectSuccessfulHandlerExecution()
                .expectState(o -> {
                    List<ScheduleItem> schedule = o.schedule(LocalDate.of(2025, 1, 1));
                    assertThat(schedule).extracting(ScheduleItem::itemId).containsExactly("report:1", "report:2");
                    ScheduleItem next = item(schedule, "report:2");
                    assertThat(next.label()).isEqualTo("combined 2nd to 4th periodic reports");
                    assertThat(next.covers()).isEqualTo(new ReportCoverage(2, 4));
                    assertThat(next.due()).isEqualTo(d("2029-05-21"));
                    assertThat(next.basis().kind()).isEqualTo(DueBasis.Kind.COMMITTEE_DECISION);
                    assertThat(next.basis().citation()).isEqualTo("CRPD/C/KAZ/CO/1");
                    assertThat(next.standingOn(LocalDate.of(2025, 1, 1), 90).status()).isEqualTo(UPCOMING);
                    assertThat(item(schedule, "report:1").standingOn(LocalDate.of(2025, 1, 1), 90).status()).isEqualTo(REVIEWED);
                });
    }

    @Test
    void cedInitialReportIsDueTwoYearsAfterTheGeneralEntryIntoForceWithNoPeriodicChain() {
        TreatyRatifiedEvent ratified = Recorded.ratification("CED", ConsentAction.RATIFICATION, "2009-02-27");
        ReportingObligationOpenedEvent opened = Recorded.opening(ratified);

        assertThat(ratified.entryIntoForce()).isEqualTo(d("2010-12-23"));
        assertThat(opened.initialReportDue()).isEqualTo(d("2012-12-23"));
        assertThat(ReportingSchedule.derive(List.of(opened), LocalDate.of(2040, 1, 1)))
                .extracting(ScheduleItem::itemId, ScheduleItem::due)
                .containsExactly(tuple("report:1", d("2012-12-23")));
        // reviewed in March 2016 (CED/C/KAZ/CO/1), no further report falls due by itself
        List<ReportingFact> facts = List.of(opened,
                report(opened, "CED/C/KAZ/1", "2014", 1, 1),
                review(opened, "10th", "2016-03-09", "CED/C/KAZ/1"));
        assertThat(ReportingSchedule.derive(facts, LocalDate.of(2040, 1, 1))).extracting(ScheduleItem::itemId).containsExactly("report:1");
    }

    @Test
    void catDepositKnownToTheMonthGivesAnInitialReportDueInAYear() {
        // CAT: accession "1998-08"; the initial report CAT/C/47/Add.1 was "due in 1999"
        TreatyRatifiedEvent ratified = Recorded.ratification("CAT", ConsentAction.ACCESSION, "1998-08");
        ReportingObligationOpenedEvent opened = Recorded.opening(ratified);

        assertThat(ratified.entryIntoForce()).isEqualTo(d("1998"));
        assertThat(opened.initialReportDue()).isEqualTo(d("1999"));
        assertThat(opened.initialReportDue().precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(ReportingSchedule.derive(List.of(opened), LocalDate.of(2001, 1, 1)))
                .extracting(ScheduleItem::itemId, ScheduleItem::due)
                .containsExactly(tuple("report:1", d("1999")), tuple("report:2", d("2003")));
    }

    @Test
    void crcFiveYearStepsCountFromThePreviousDueDateAndCombinedReportsCarryTheLaterDate() {
        // CRC: initial "due in 1996", combined 2nd-3rd "due in 2006" (CRC/C/KAZ/3), 4th "due in 2011" (CRC/C/KAZ/4).
        // The UN deposit is not in the record: the entry into force is known only as 1994 (stated in the opening).
        ReportingObligationOpenedEvent opened = new ReportingObligationOpenedEvent(ObligationId.of(KAZ, org.treatyregistry.core.catalogue.InstrumentCode.of("CRC")), KAZ,
                org.treatyregistry.core.catalogue.InstrumentCode.of("CRC"), org.treatyregistry.core.catalogue.TreatyBodyCode.of("CRC"),
                d("1994"), "derived from the UN due date", d("1996"), "CRC art. 44(1): initial report within 2 years of entry into force (1994)");
        List<ReportingFact> facts = List.of(opened,
                report(opened, "CRC/C/41/Add.13", "2001-11-20", 1, 1),
                review(opened, "33rd", "2003-06-04", "CRC/C/41/Add.13"),
                report(opened, "CRC/C/KAZ/3", "2006-08-04", 2, 3),
                review(opened, "45th", "2007-05-30", "CRC/C/KAZ/3"),
                co(opened, "CRC/C/KAZ/CO/3", "2007-06-08", "45th", 4, 4, "2011"));

        List<ScheduleItem> schedule = ReportingSchedule.derive(facts, LocalDate.of(2011, 11, 1));

        assertThat(schedule).extracting(ScheduleItem::itemId, ScheduleItem::covers, ScheduleItem::due)
                .containsExactly(
                        tuple("report:1", ReportCoverage.single(1), d("1996")),
                        tuple("report:2", new ReportCoverage(2, 3), d("2006")),
                        tuple("report:4", ReportCoverage.single(4), d("2011")));
        assertThat(item(schedule, "report:2").dueRevision()).as("the combination moved the 2nd report's date from 2001").isEqualTo(1);
        assertThat(item(schedule, "report:4").basis()).isEqualTo(DueBasis.committee("CRC/C/KAZ/CO/3"));
        assertThat(item(schedule, "report:4").dueRevision()).as("the committee confirmed the treaty date").isZero();
        // CRC/C/KAZ/4 was received on 9 Nov 2011, within its due year
        assertThat(item(schedule, "report:4").standingOn(LocalDate.of(2011, 11, 1), 90)).isEqualTo(new ScheduleItem.Standing(DUE_SOON, 60));
    }
}
