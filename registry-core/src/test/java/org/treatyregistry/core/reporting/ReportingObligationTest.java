package org.treatyregistry.core.reporting;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.treatyregistry.core.shared.Refusal.conflict;
import static org.treatyregistry.core.shared.Refusal.invalid;
import static org.treatyregistry.core.shared.Refusal.notFound;

/**
 * Every reporting command, accepted and refused, mostly on Kazakhstan's CRPD record (kazakhstan.json): EIF 21 May 2015,
 * CRPD/C/KAZ/1 received 9 Jun 2017, reviewed in the 30th session (4-5 Mar 2024), CRPD/C/KAZ/CO/1 adopted 19 Mar 2024
 * asking for the combined 2nd-4th reports by 21 May 2029. Dates marked "illustrative" are not in the record.
 */
class ReportingObligationTest {

    static final StateCode KAZ = StateCode.of("KAZ");
    static final InstrumentCode CRPD = InstrumentCode.of("CRPD");
    static final String CRPD_ID = ObligationId.of(KAZ, CRPD);
    static final String CRPD_EIF_BASIS = "CRPD art. 45(2): on the thirtieth day after the date of deposit";
    static final String CRPD_INITIAL_BASIS = "CRPD art. 35(1)-(2): initial report within 2 years of entry into force (2015-05-21)";
    static final Source PDFS = Source.document("S_CRPD_PDFS");
    static final LocalDate FAR = LocalDate.of(2026, 1, 1);

    static final ReportingObligationOpenedEvent OPENED = new ReportingObligationOpenedEvent(CRPD_ID, KAZ, CRPD,
            TreatyBodyCode.of("CRPD"), d("2015-05-21"), CRPD_EIF_BASIS, d("2017-05-21"), CRPD_INITIAL_BASIS);
    static final ReportSubmittedEvent INITIAL_REPORT = new ReportSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/1",
            d("2017-06-09"), ReportCoverage.single(1), ReportingProcedure.STANDARD, PDFS);
    static final ReviewHeldEvent REVIEW = new ReviewHeldEvent(CRPD_ID, KAZ, CRPD, "30th session", d("2024-03-04"),
            d("2024-03-05"), List.of("CRPD/C/KAZ/1"), false, PDFS);
    static final NextReportRequest NEXT_2_TO_4 = new NextReportRequest(new ReportCoverage(2, 4), d("2029-05-21"));
    static final ConcludingObservationsAdoptedEvent CO1 = new ConcludingObservationsAdoptedEvent(CRPD_ID, KAZ, CRPD,
            "CRPD/C/KAZ/CO/1", d("2024-03-19"), "30th session", NEXT_2_TO_4, List.of(), PDFS);
    /** Illustrative: CO/1 in fact set no separate follow-up deadline. */
    static final FollowUpRequest FOLLOW_UP = new FollowUpRequest("paras. 42, 50 and 60", d("2026-03-19"));
    static final ConcludingObservationsAdoptedEvent CO1_WITH_FOLLOW_UP = new ConcludingObservationsAdoptedEvent(CRPD_ID, KAZ,
            CRPD, "CRPD/C/KAZ/CO/1", d("2024-03-19"), "30th session", NEXT_2_TO_4, List.of(FOLLOW_UP), PDFS);

    private FixtureConfiguration<ReportingObligation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingObligation.class);
    }

    static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    static ScheduleItem item(List<ScheduleItem> schedule, String itemId) {
        return schedule.stream().filter(i -> i.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + itemId + " in " + schedule));
    }

    private static OpenReportingObligationCommand open(String eif) {
        return new OpenReportingObligationCommand(KAZ, CRPD, d(eif), CRPD_EIF_BASIS);
    }

    private static RecordReportSubmissionCommand report(String symbol, String receivedOn, ReportCoverage covers) {
        return new RecordReportSubmissionCommand(KAZ, CRPD, symbol, d(receivedOn), covers, ReportingProcedure.STANDARD, PDFS);
    }

    private static RecordReviewCommand review(String session, String startedOn, String endedOn, List<String> reports, boolean inAbsence) {
        return new RecordReviewCommand(KAZ, CRPD, session, d(startedOn), endedOn == null ? null : d(endedOn), reports, inAbsence, PDFS);
    }

    private static RecordConcludingObservationsCommand co(String adoptedOn, String session, NextReportRequest next, List<FollowUpRequest> followUp) {
        return new RecordConcludingObservationsCommand(KAZ, CRPD, "CRPD/C/KAZ/CO/1", d(adoptedOn), session, next, followUp, PDFS);
    }

    // --- opening

    @Test
    void canOpenReportingObligation() {
        fixture.givenNoPriorActivity()
                .when(open("2015-05-21"))
                .expectEvents(OPENED)
                .expectResultMessagePayload(CommandOutcome.recorded(CRPD_ID))
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(LocalDate.of(2016, 1, 1)), "report:1");
                    assertThat(initial.due()).isEqualTo(d("2017-05-21"));
                    assertThat(initial.label()).isEqualTo("initial report");
                    assertThat(initial.basis()).isEqualTo(DueBasis.treaty(CRPD_INITIAL_BASIS));
                    assertThat(initial.dueRevision()).isZero();
                });
    }

    @Test
    void openingAgainWithTheSameEntryIntoForceRecordsNothing() {
        fixture.given(OPENED)
                .when(open("2015-05-21"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(CRPD_ID));
    }

    @Test
    void openingAgainWithAnotherEntryIntoForceCorrectsTheOpening() {
        ReportingObligationOpenedEvent wrong = new ReportingObligationOpenedEvent(CRPD_ID, KAZ, CRPD, TreatyBodyCode.of("CRPD"),
                d("2015-05-20"), CRPD_EIF_BASIS, d("2017-05-20"), "CRPD art. 35(1)-(2): initial report within 2 years of entry into force (2015-05-20)");
        fixture.given(wrong)
                .when(open("2015-05-21"))
                .expectEvents(new ReportingFactCorrectedEvent(CRPD_ID, KAZ, CRPD, 0,
                        "entry into force corrected in the participation record (" + CRPD_EIF_BASIS + ")", null, OPENED))
                .expectResultMessagePayload(CommandOutcome.recorded(CRPD_ID))
                .expectState(o -> assertThat(item(o.schedule(FAR), "report:1").due()).isEqualTo(d("2017-05-21")));
    }

    @Test
    void cannotMoveEntryIntoForceAfterAFactAlreadyRecorded() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(open("2018-01-01"))
                .expectException(conflict("ENTRY_INTO_FORCE_CONFLICT", "entryIntoForce"))
                .expectExceptionMessage("entry into force on 2018-01-01 would come after a recorded ReportSubmitted of 2017-06-09")
                .expectNoEvents();
    }

    @Test
    void cannotOpenAnObligationForAnInstrumentWithoutReportsOfItsOwn() {
        fixture.givenNoPriorActivity()
                .when(new OpenReportingObligationCommand(KAZ, InstrumentCode.of("ICCPR-OP2"), d("2022-06-24"), "ICCPR-OP2 art. 8(2)"))
                .expectException(invalid("NO_REPORTING_OBLIGATION", "instrument"))
                .expectExceptionMessage("ICCPR-OP2 has no reports of its own: reporting goes into the ICCPR reports (ICCPR-OP2 art. 3)")
                .expectNoEvents();
        new AggregateTestFixture<>(ReportingObligation.class).givenNoPriorActivity()
                .when(new OpenReportingObligationCommand(KAZ, InstrumentCode.of("OP-CAT"), d("2008-11-21"), "OP-CAT art. 28(2)"))
                .expectException(invalid("NO_REPORTING_OBLIGATION", "instrument"))
                .expectExceptionMessage("OP-CAT has no reports of its own")
                .expectNoEvents();
    }

    @Test
    void cannotOpenAnObligationWithoutEntryIntoForce() {
        fixture.givenNoPriorActivity()
                .when(new OpenReportingObligationCommand(KAZ, CRPD, null, null))
                .expectException(invalid("MISSING_FIELD", "entryIntoForce"))
                .expectNoEvents();
    }

    @Test
    void canOpenAProtocolObligationWithOnlyAnInitialReport() {
        // OPAC: initial report within two years, then in the CRC reports; Kazakhstan's was "due in 2005"
        InstrumentCode opac = InstrumentCode.of("OPAC");
        fixture.givenNoPriorActivity()
                .when(new OpenReportingObligationCommand(KAZ, opac, d("2003"), "derived from the UN due date"))
                .expectEvents(new ReportingObligationOpenedEvent(ObligationId.of(KAZ, opac), KAZ, opac, TreatyBodyCode.of("CRC"), d("2003"),
                        "derived from the UN due date", d("2005"), "OPAC art. 8(1)-(2): initial report within 2 years of entry into force (2003)"))
                .expectState(o -> assertThat(o.schedule(LocalDate.of(2040, 1, 1))).extracting(ScheduleItem::itemId).containsExactly("report:1"));
    }

    // --- reports

    @Test
    void canRecordReportSubmission() {
        fixture.given(OPENED)
                .when(report("CRPD/C/KAZ/1", "2017-06-09", ReportCoverage.single(1)))
                .expectEvents(INITIAL_REPORT)
                .expectResultMessagePayload(CommandOutcome.recorded(CRPD_ID))
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(FAR), "report:1");
                    assertThat(initial.submittedSymbol()).isEqualTo("CRPD/C/KAZ/1");
                    assertThat(initial.submittedOn()).isEqualTo(d("2017-06-09"));
                    assertThat(initial.standingOn(LocalDate.of(2018, 1, 1), 30).status()).isEqualTo(ScheduleItem.Status.SUBMITTED_AWAITING_REVIEW);
                });
    }

    @Test
    void aReportWithoutProcedureFollowsTheStandardProcedure() {
        fixture.given(OPENED)
                .when(new RecordReportSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/1", d("2017-06-09"), ReportCoverage.single(1), null, PDFS))
                .expectEvents(INITIAL_REPORT);
    }

    @Test
    void cannotSubmitReportBeforeEntryIntoForce() {
        fixture.given(OPENED)
                .when(report("CRPD/C/KAZ/1", "2015-05-20", ReportCoverage.single(1)))
                .expectException(RegistryException.class)
                .expectException(conflict("OBLIGATION_NOT_YET_OPEN", "receivedOn"))
                .expectExceptionMessage("CRPD entered into force for KAZ on 2015-05-21 (" + CRPD_EIF_BASIS
                        + "); nothing can be reported under it on 2015-05-20")
                .expectNoEvents();
    }

    @Test
    void cannotRecordAReportUnderAnObligationNeverOpened() {
        fixture.givenNoPriorActivity()
                .when(report("CRPD/C/KAZ/1", "2017-06-09", ReportCoverage.single(1)))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecordTheSameReportSymbolTwice() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(report("CRPD/C/KAZ/1", "2021-10-01", new ReportCoverage(2, 4)))
                .expectException(conflict("SYMBOL_ALREADY_RECORDED", "symbol"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitAReportAlreadySubmitted() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(report("CRPD/C/KAZ/1/Rev.1", "2017-09-01", ReportCoverage.single(1)))
                .expectException(conflict("REPORT_ALREADY_SUBMITTED", "covers"))
                .expectExceptionMessage("the initial report (1) was already submitted as CRPD/C/KAZ/1")
                .expectNoEvents();
    }

    @Test
    void repeatingAnIdenticalFactRecordsNothing() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(report("CRPD/C/KAZ/1", "2017-06-09", ReportCoverage.single(1)))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(CRPD_ID));
    }

    @Test
    void canRecordAReportWhoseDateReceivedNoSourceGives() {
        // a report known to exist (its symbol is cited) whose cover date was not found: submitted, date unknown,
        // rather than shown as overdue
        fixture.given(OPENED)
                .when(new RecordReportSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/1", null, ReportCoverage.single(1), null, PDFS))
                .expectEvents(new ReportSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/1", null, ReportCoverage.single(1),
                        ReportingProcedure.STANDARD, PDFS))
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(LocalDate.of(2026, 11, 22)), "report:1");
                    assertThat(initial.submittedSymbol()).isEqualTo("CRPD/C/KAZ/1");
                    assertThat(initial.submittedOn()).isNull();
                    assertThat(initial.standingOn(LocalDate.of(2026, 11, 22), 90).status())
                            .isEqualTo(ScheduleItem.Status.SUBMITTED_AWAITING_REVIEW);
                });
    }

    @Test
    void cannotRecordAReportWithoutSymbolOrCoverage() {
        fixture.given(OPENED)
                .when(report(" ", "2017-06-09", ReportCoverage.single(1)))
                .expectException(invalid("MISSING_FIELD", "symbol"))
                .expectNoEvents();
        fixture.given(OPENED)
                .when(new RecordReportSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/1", d("2017-06-09"), null, null, PDFS))
                .expectException(invalid("MISSING_FIELD", "covers"))
                .expectNoEvents();
    }

    @Test
    void canSubmitACombinedReport() {
        // illustrative: the combined 2nd-4th reports, submitted early
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1)
                .when(report("CRPD/C/KAZ/2-4", "2028-11-30", new ReportCoverage(2, 4)))
                .expectEvents(new ReportSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/2-4", d("2028-11-30"), new ReportCoverage(2, 4),
                        ReportingProcedure.STANDARD, PDFS))
                .expectState(o -> {
                    ScheduleItem combined = item(o.schedule(LocalDate.of(2029, 1, 1)), "report:2");
                    assertThat(combined.covers()).isEqualTo(new ReportCoverage(2, 4));
                    assertThat(combined.submittedSymbol()).isEqualTo("CRPD/C/KAZ/2-4");
                });
    }

    // --- lists of issues prior to reporting (illustrative dates: CRPD prepares the list at least a year ahead)

    @Test
    void canRecordListOfIssuesPriorToReporting() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1)
                .when(new RecordListOfIssuesPriorToReportingCommand(KAZ, CRPD, "CRPD/C/KAZ/QPR/2-4", d("2028-04-15"), d("2029-05-21"),
                        new ReportCoverage(2, 4), PDFS))
                .expectEvents(new ListOfIssuesPriorToReportingTransmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/QPR/2-4", d("2028-04-15"),
                        d("2029-05-21"), new ReportCoverage(2, 4), PDFS))
                .expectState(o -> {
                    ScheduleItem next = item(o.schedule(LocalDate.of(2028, 5, 1)), "report:2");
                    assertThat(next.procedure()).isEqualTo(ReportingProcedure.SIMPLIFIED);
                    assertThat(next.due()).isEqualTo(d("2029-05-21"));
                    assertThat(next.basis()).isEqualTo(DueBasis.committee(
                            "CRPD/C/KAZ/QPR/2-4: reply to the list of issues prior to reporting, which constitutes the report"));
                });
    }

    @Test
    void cannotSetTheReplyToAListBeforeTheListIsTransmitted() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new RecordListOfIssuesPriorToReportingCommand(KAZ, CRPD, "CRPD/C/KAZ/QPR/2-4", d("2028-04-15"), d("2028-04-14"),
                        new ReportCoverage(2, 4), PDFS))
                .expectException(invalid("DATE_OUT_OF_ORDER", "replyDue"))
                .expectNoEvents();
    }

    @Test
    void cannotTransmitAListForAReportAlreadySubmitted() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new RecordListOfIssuesPriorToReportingCommand(KAZ, CRPD, "CRPD/C/KAZ/QPR/1", d("2018-04-15"), d("2019-04-15"),
                        ReportCoverage.single(1), PDFS))
                .expectException(conflict("REPORT_ALREADY_SUBMITTED", "covers"))
                .expectNoEvents();
    }

    @Test
    void cannotTransmitAListBeforeEntryIntoForce() {
        fixture.given(OPENED)
                .when(new RecordListOfIssuesPriorToReportingCommand(KAZ, CRPD, "CRPD/C/KAZ/QPR/1", d("2015-01-15"), d("2016-04-15"),
                        ReportCoverage.single(1), PDFS))
                .expectException(conflict("OBLIGATION_NOT_YET_OPEN", "transmittedOn"))
                .expectNoEvents();
    }

    // --- reviews

    @Test
    void canRecordReview() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review("30th session", "2024-03-04", "2024-03-05", List.of("CRPD/C/KAZ/1"), false))
                .expectEvents(REVIEW)
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(FAR), "report:1");
                    assertThat(initial.reviewSession()).isEqualTo("30th session");
                    assertThat(initial.standingOn(FAR, 30).status()).isEqualTo(ScheduleItem.Status.REVIEWED);
                });
    }

    @Test
    void canRecordReviewInTheAbsenceOfAReport() {
        // illustrative: had the Committee reviewed Kazakhstan in March 2018 without its initial report
        fixture.given(OPENED)
                .when(review("19th session", "2018-03-14", null, List.of(), true))
                .expectEvents(new ReviewHeldEvent(CRPD_ID, KAZ, CRPD, "19th session", d("2018-03-14"), null, List.of(), true, PDFS))
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(LocalDate.of(2018, 6, 1)), "report:1");
                    assertThat(initial.reviewedInAbsence()).isEqualTo("19th session");
                    assertThat(initial.standingOn(LocalDate.of(2018, 6, 1), 30))
                            .isEqualTo(new ScheduleItem.Standing(ScheduleItem.Status.REVIEWED_WITHOUT_REPORT, 376));
                });
    }

    @Test
    void cannotRecordTheSameReviewSessionTwice() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(review("30th session", "2024-03-06", null, List.of("CRPD/C/KAZ/1"), false))
                .expectException(conflict("REVIEW_ALREADY_RECORDED", "session"))
                .expectNoEvents();
    }

    @Test
    void cannotReviewAReportNeverSubmitted() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review("30th session", "2024-03-04", null, List.of("CRPD/C/KAZ/1", "CRPD/C/KAZ/2"), false))
                .expectException(conflict("REPORT_NOT_SUBMITTED", "reportSymbols[1]"))
                .expectExceptionMessage("no report CRPD/C/KAZ/2 has been recorded as submitted under " + CRPD_ID)
                .expectNoEvents();
    }

    @Test
    void aReviewNamesItsReportsOrIsHeldInTheirAbsence() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review("30th session", "2024-03-04", null, List.of(), false))
                .expectException(invalid("REVIEW_REPORTS_INCONSISTENT", "reportSymbols"))
                .expectNoEvents();
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review("30th session", "2024-03-04", null, List.of("CRPD/C/KAZ/1"), true))
                .expectException(invalid("REVIEW_REPORTS_INCONSISTENT", "reportSymbols"))
                .expectNoEvents();
    }

    @Test
    void cannotEndAReviewBeforeItStarts() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review("30th session", "2024-03-04", "2024-03-03", List.of("CRPD/C/KAZ/1"), false))
                .expectException(invalid("DATE_OUT_OF_ORDER", "endedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotReviewBeforeEntryIntoForce() {
        fixture.given(OPENED)
                .when(review("13th session", "2015-04-01", null, List.of(), true))
                .expectException(conflict("OBLIGATION_NOT_YET_OPEN", "startedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAReviewWithoutSession() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(review(null, "2024-03-04", null, List.of("CRPD/C/KAZ/1"), false))
                .expectException(invalid("MISSING_FIELD", "session"))
                .expectNoEvents();
    }

    // --- concluding observations

    @Test
    void canAdoptConcludingObservations() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "30th session", NEXT_2_TO_4, null))
                .expectEvents(CO1)
                .expectState(o -> {
                    ScheduleItem next = item(o.schedule(FAR), "report:2");
                    assertThat(next.due()).isEqualTo(d("2029-05-21"));
                    assertThat(next.basis()).isEqualTo(DueBasis.committee("CRPD/C/KAZ/CO/1"));
                });
    }

    @Test
    void cannotAdoptConcludingObservationsForAReviewNeverHeld() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "31st session", NEXT_2_TO_4, null))
                .expectException(RegistryException.class)
                .expectException(conflict("REVIEW_NOT_HELD", "reviewSession"))
                .expectExceptionMessage("no review in session '31st session' is recorded under " + CRPD_ID + "; record the review before its concluding observations")
                .expectNoEvents();
        fixture.given(OPENED, INITIAL_REPORT)
                .when(co("2024-03-19", "30th session", NEXT_2_TO_4, null))
                .expectException(conflict("REVIEW_NOT_HELD", "reviewSession"))
                .expectNoEvents();
    }

    @Test
    void cannotAdoptConcludingObservationsBeforeTheReviewBegan() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-03", "30th session", NEXT_2_TO_4, null))
                .expectException(invalid("DATE_OUT_OF_ORDER", "adoptedOn"))
                .expectExceptionMessage(containsString("before the review began (2024-03-04)"))
                .expectNoEvents();
    }

    @Test
    void cannotAskForFollowUpDueBeforeTheObservationsAreAdopted() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "30th session", NEXT_2_TO_4, List.of(new FollowUpRequest("para. 42", d("2024-03-18")))))
                .expectException(invalid("DATE_OUT_OF_ORDER", "followUp[0].due"))
                .expectNoEvents();
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "30th session", NEXT_2_TO_4, List.of(FOLLOW_UP, new FollowUpRequest("para. 42", null))))
                .expectException(invalid("MISSING_FIELD", "followUp[1].due"))
                .expectNoEvents();
    }

    @Test
    void aNextReportRequestNeedsItsCoverageAndDueDate() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "30th session", new NextReportRequest(new ReportCoverage(2, 4), null), null))
                .expectException(invalid("MISSING_FIELD", "nextReport.due"))
                .expectNoEvents();
        fixture.given(OPENED, INITIAL_REPORT, REVIEW)
                .when(co("2024-03-19", "30th session", new NextReportRequest(null, d("2029-05-21")), null))
                .expectException(invalid("MISSING_FIELD", "nextReport.covers"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordTheSameConcludingObservationsForTwoReviews() {
        ReviewHeldEvent another = new ReviewHeldEvent(CRPD_ID, KAZ, CRPD, "31st session", d("2024-08-20"), null, List.of(), true, PDFS);
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1, another)
                .when(co("2024-08-30", "31st session", null, null))
                .expectException(conflict("SYMBOL_ALREADY_RECORDED", "symbol"))
                .expectNoEvents();
    }

    @Test
    void repeatingIdenticalConcludingObservationsRecordsNothing() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1)
                .when(co("2024-03-19", "30th session", NEXT_2_TO_4, List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(CRPD_ID));
    }

    // --- follow-up information (illustrative request, see FOLLOW_UP)

    @Test
    void canRecordFollowUpInformation() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1_WITH_FOLLOW_UP)
                .when(new RecordFollowUpSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/FCO/1", d("2026-03-01"), "CRPD/C/KAZ/CO/1", PDFS))
                .expectEvents(new FollowUpInformationSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/FCO/1", d("2026-03-01"),
                        "CRPD/C/KAZ/CO/1", PDFS))
                .expectState(o -> {
                    ScheduleItem followUp = item(o.schedule(FAR), "follow-up:CRPD/C/KAZ/CO/1");
                    assertThat(followUp.submittedSymbol()).isEqualTo("CRPD/C/KAZ/FCO/1");
                    assertThat(followUp.standingOn(LocalDate.of(2026, 3, 2), 30).status()).isEqualTo(ScheduleItem.Status.SUBMITTED);
                });
    }

    @Test
    void cannotSubmitFollowUpToConcludingObservationsNeverRecorded() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1_WITH_FOLLOW_UP)
                .when(new RecordFollowUpSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/FCO/1", d("2026-03-01"), "CRPD/C/KAZ/CO/2", PDFS))
                .expectException(conflict("CONCLUDING_OBSERVATIONS_NOT_FOUND", "concludingObservations"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitFollowUpTheCommitteeDidNotAskFor() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1)
                .when(new RecordFollowUpSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/FCO/1", d("2026-03-01"), "CRPD/C/KAZ/CO/1", PDFS))
                .expectException(conflict("NO_FOLLOW_UP_REQUESTED", "concludingObservations"))
                .expectExceptionMessage("CRPD/C/KAZ/CO/1 asked for no follow-up information")
                .expectNoEvents();
    }

    @Test
    void cannotSubmitFollowUpBeforeTheObservations() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1_WITH_FOLLOW_UP)
                .when(new RecordFollowUpSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/FCO/1", d("2024-03-18"), "CRPD/C/KAZ/CO/1", PDFS))
                .expectException(invalid("DATE_OUT_OF_ORDER", "receivedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotSubmitFollowUpUnderASymbolAlreadyUsed() {
        fixture.given(OPENED, INITIAL_REPORT, REVIEW, CO1_WITH_FOLLOW_UP)
                .when(new RecordFollowUpSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/1", d("2026-03-01"), "CRPD/C/KAZ/CO/1", PDFS))
                .expectException(conflict("SYMBOL_ALREADY_RECORDED", "symbol"))
                .expectNoEvents();
    }

    // --- revised due dates (illustrative extension)

    private static ReviseDueDateCommand extendInitial(String newDue) {
        return new ReviseDueDateCommand(KAZ, CRPD, "report:1", d(newDue), "extension granted", "letter of 2 May 2017", PDFS);
    }

    @Test
    void canMoveADueDate() {
        fixture.given(OPENED)
                .when(extendInitial("2017-09-01"))
                .expectEvents(new DueDateRevisedEvent(CRPD_ID, KAZ, CRPD, "report:1", d("2017-05-21"), d("2017-09-01"),
                        "extension granted", "letter of 2 May 2017", PDFS))
                .expectState(o -> {
                    ScheduleItem initial = item(o.schedule(LocalDate.of(2017, 6, 1)), "report:1");
                    assertThat(initial.due()).isEqualTo(d("2017-09-01"));
                    assertThat(initial.dueRevision()).isEqualTo(1);
                    assertThat(initial.basis()).isEqualTo(DueBasis.committee("letter of 2 May 2017"));
                });
    }

    @Test
    void repeatingAnIdenticalRevisionRecordsNothing() {
        fixture.given(OPENED, new DueDateRevisedEvent(CRPD_ID, KAZ, CRPD, "report:1", d("2017-05-21"), d("2017-09-01"),
                        "extension granted", "letter of 2 May 2017", PDFS))
                .when(extendInitial("2017-09-01"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(CRPD_ID));
    }

    @Test
    void cannotMoveTheDueDateOfAnItemNotInTheSchedule() {
        fixture.given(OPENED)
                .when(new ReviseDueDateCommand(KAZ, CRPD, "report:7", d("2017-09-01"), "extension", null, PDFS))
                .expectException(notFound("ITEM_NOT_FOUND", "itemId"))
                .expectExceptionMessage("no item 'report:7' in the schedule of " + CRPD_ID + "; items are [report:1, report:2]")
                .expectNoEvents();
    }

    @Test
    void cannotMoveTheDueDateOfAReportAlreadySubmitted() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(extendInitial("2017-09-01"))
                .expectException(conflict("ITEM_ALREADY_SUBMITTED", "itemId"))
                .expectNoEvents();
    }

    @Test
    void cannotMoveADueDateToTheDateItAlreadyHas() {
        fixture.given(OPENED)
                .when(extendInitial("2017-05-21"))
                .expectException(invalid("DUE_DATE_UNCHANGED", "newDue"))
                .expectNoEvents();
    }

    @Test
    void aRevisionNeedsAReason() {
        fixture.given(OPENED)
                .when(new ReviseDueDateCommand(KAZ, CRPD, "report:1", d("2017-09-01"), null, null, PDFS))
                .expectException(invalid("MISSING_FIELD", "reason"))
                .expectNoEvents();
    }

    // --- corrections

    @Test
    void canCorrectARecordedFact() {
        ReportSubmittedEvent mistyped = new ReportSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/1", d("2019-02-21"),
                ReportCoverage.single(1), ReportingProcedure.STANDARD, PDFS);
        fixture.given(OPENED, mistyped)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "21 Feb 2019 is the distribution date; the cover says received 9 June 2017",
                        PDFS, report("CRPD/C/KAZ/1", "2017-06-09", ReportCoverage.single(1))))
                .expectEvents(new ReportingFactCorrectedEvent(CRPD_ID, KAZ, CRPD, 1,
                        "21 Feb 2019 is the distribution date; the cover says received 9 June 2017", PDFS, INITIAL_REPORT))
                .expectResultMessagePayload(CommandOutcome.recorded(CRPD_ID))
                .expectState(o -> assertThat(item(o.schedule(FAR), "report:1").submittedOn()).isEqualTo(d("2017-06-09")));
    }

    @Test
    void aCorrectionIsCheckedAgainstTheFactsBeforeIt() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "typo", PDFS, report("CRPD/C/KAZ/1", "2015-05-01", ReportCoverage.single(1))))
                .expectException(conflict("OBLIGATION_NOT_YET_OPEN", "receivedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactNeverRecorded() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 2, "r", PDFS, report("CRPD/C/KAZ/1", "2017-06-10", ReportCoverage.single(1))))
                .expectException(notFound("FACT_NOT_FOUND", "correctsSequence"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneOfAnotherKind() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "r", PDFS, review("19th session", "2018-03-14", null, List.of(), true)))
                .expectException(invalid("CORRECTION_KIND_MISMATCH", "replacement"))
                .expectExceptionMessage("a ReportSubmitted can only be corrected by a ReportSubmitted, not a ReviewHeld")
                .expectNoEvents();
    }

    @Test
    void cannotCorrectTheOpeningWithAReportingFact() {
        // the opening follows the participation record: it is corrected by re-opening, never by a reporting fact
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 0, "r", PDFS, report("CRPD/C/KAZ/1", "2017-06-10", ReportCoverage.single(1))))
                .expectException(invalid("CORRECTION_KIND_MISMATCH", "replacement"))
                .expectExceptionMessage("the opening of " + CRPD_ID + " follows the entry into force in the participation record; correct the ratification there")
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneAboutAnotherObligation() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "r", PDFS, new RecordReportSubmissionCommand(KAZ, InstrumentCode.of("CAT"),
                        "CRPD/C/KAZ/1", d("2017-06-10"), ReportCoverage.single(1), null, PDFS)))
                .expectException(invalid("CORRECTION_TARGET_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "r", PDFS, report("CRPD/C/KAZ/1", "2017-06-09", ReportCoverage.single(1))))
                .expectException(invalid("CORRECTION_CHANGES_NOTHING", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(OPENED, INITIAL_REPORT)
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, " ", PDFS, report("CRPD/C/KAZ/1", "2017-06-10", ReportCoverage.single(1))))
                .expectException(invalid("MISSING_FIELD", "reason"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAnObligationNeverOpened() {
        fixture.givenNoPriorActivity()
                .when(new CorrectReportingFactCommand(KAZ, CRPD, 1, "r", PDFS, report("CRPD/C/KAZ/1", "2017-06-10", ReportCoverage.single(1))))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
