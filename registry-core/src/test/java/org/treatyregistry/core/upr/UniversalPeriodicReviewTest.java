package org.treatyregistry.core.upr;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.Json;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.core.shared.Refusal.conflict;
import static org.treatyregistry.core.shared.Refusal.invalid;
import static org.treatyregistry.core.shared.Refusal.notFound;

/** Every UPR command, accepted and refused, on Kazakhstan's four reviews (kazakhstan.json "upr"). */
class UniversalPeriodicReviewTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final String ID = UprId.of(KAZ);
    private static final Source WG1 = Source.document("A/HRC/14/10");

    private FixtureConfiguration<UniversalPeriodicReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UniversalPeriodicReview.class);
    }

    private static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    private static RecordUprReviewCommand firstCycle(String on) {
        return new RecordUprReviewCommand(KAZ, 1, "7th (8-19 February 2010)", d(on), "A/HRC/WG.6/7/KAZ/1", "A/HRC/14/10", WG1);
    }

    private static UprReviewHeldEvent firstCycleHeld(String on) {
        return new UprReviewHeldEvent(ID, KAZ, 1, "7th (8-19 February 2010)", d(on), "A/HRC/WG.6/7/KAZ/1", "A/HRC/14/10", WG1);
    }

    private static UprReviewHeldEvent secondCycleHeld() {
        return new UprReviewHeldEvent(ID, KAZ, 2, "20th (27 October-7 November 2014)", d("2014-10-30"), "A/HRC/WG.6/20/KAZ/1",
                "A/HRC/28/10", null);
    }

    private static RecordUprMidTermReportCommand midTerm(int cycle, String on) {
        // illustrative: the record holds no Kazakh mid-term report
        return new RecordUprMidTermReportCommand(KAZ, cycle, d(on), "mid-term report, cycle " + cycle, null);
    }

    @Test
    void canRecordReview() {
        fixture.givenNoPriorActivity()
                .when(firstCycle("2010-02-12"))
                .expectEvents(firstCycleHeld("2010-02-12"))
                .expectResultMessagePayload(CommandOutcome.recorded(ID))
                .expectState(u -> assertThat(u.effectiveFacts()).containsExactly(firstCycleHeld("2010-02-12")));
    }

    @Test
    void canRecordTheNextCycleAfterTheLast() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new RecordUprReviewCommand(KAZ, 2, "20th (27 October-7 November 2014)", d("2014-10-30"), "A/HRC/WG.6/20/KAZ/1",
                        "A/HRC/28/10", null))
                .expectEvents(secondCycleHeld())
                .expectState(u -> assertThat(u.effectiveFacts()).extracting(UprFact::cycle).containsExactly(1, 2));
    }

    @Test
    void repeatingAnIdenticalFactRecordsNothing() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(firstCycle("2010-02-12"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(ID));
    }

    @Test
    void cannotRecordACycleTwice() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(firstCycle("2010-02-15"))
                .expectException(RegistryException.class)
                .expectException(conflict("CYCLE_ALREADY_RECORDED", "cycle"))
                .expectExceptionMessage("the review of cycle 1 is already recorded; correct it instead")
                .expectNoEvents();
    }

    @Test
    void cannotReviewACycleBeforeTheCycleBeforeIt() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new RecordUprReviewCommand(KAZ, 2, null, d("2009-10-30"), null, null, null))
                .expectException(invalid("DATE_OUT_OF_ORDER", "reviewedOn"))
                .expectExceptionMessage("cycle 2 cannot be reviewed before cycle 1 (2010-02-12)")
                .expectNoEvents();
    }

    @Test
    void cannotRecordAReviewBeforeTheUprBegan() {
        fixture.givenNoPriorActivity()
                .when(firstCycle("2008-04-06"))
                .expectException(invalid("DATE_BEFORE_OPENING", "reviewedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordCycleZero() {
        fixture.givenNoPriorActivity()
                .when(new RecordUprReviewCommand(KAZ, 0, null, d("2010-02-12"), null, null, null))
                .expectException(invalid("INVALID_CYCLE", "cycle"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAReviewWithoutADate() {
        fixture.givenNoPriorActivity()
                .when(new RecordUprReviewCommand(KAZ, 1, null, null, null, null, null))
                .expectException(invalid("MISSING_FIELD", "reviewedOn"))
                .expectNoEvents();
    }

    @Test
    void canRecordMidTermReport() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(midTerm(1, "2012-06"))
                .expectEvents(new UprMidTermReportSubmittedEvent(ID, KAZ, 1, d("2012-06"), "mid-term report, cycle 1", null))
                .expectState(u -> assertThat(u.effectiveFacts()).hasSize(2));
    }

    @Test
    void cannotRecordMidTermReportForACycleNotReviewed() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(midTerm(2, "2016-06"))
                .expectException(conflict("CYCLE_NOT_REVIEWED", "cycle"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordMidTermReportBeforeTheReview() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(midTerm(1, "2010-01"))
                .expectException(invalid("DATE_OUT_OF_ORDER", "submittedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordMidTermReportWithoutADate() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new RecordUprMidTermReportCommand(KAZ, 1, null, null, null))
                .expectException(invalid("MISSING_FIELD", "submittedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordMidTermReportBeforeAnyReview() {
        fixture.givenNoPriorActivity()
                .when(midTerm(1, "2012-06"))
                .expectException(conflict("CYCLE_NOT_REVIEWED", "cycle"))
                .expectNoEvents();
    }

    // --- corrections

    @Test
    void canCorrectARecordedFact() {
        fixture.given(firstCycleHeld("2010-02-16"), secondCycleHeld())
                .when(new CorrectUprFactCommand(KAZ, 0, "the review was on 12 Feb; the report was adopted on the 16th", WG1,
                        firstCycle("2010-02-12")))
                .expectEvents(new UprFactCorrectedEvent(ID, KAZ, 0, "the review was on 12 Feb; the report was adopted on the 16th",
                        WG1, firstCycleHeld("2010-02-12")))
                .expectState(u -> assertThat(u.effectiveFacts()).containsExactly(firstCycleHeld("2010-02-12"), secondCycleHeld()));
    }

    @Test
    void aCorrectionIsCheckedAgainstTheOtherFacts() {
        fixture.given(firstCycleHeld("2010-02-12"), secondCycleHeld())
                .when(new CorrectUprFactCommand(KAZ, 1, "typo", null,
                        new RecordUprReviewCommand(KAZ, 2, null, d("2009-10-30"), null, null, null)))
                .expectException(invalid("DATE_OUT_OF_ORDER", "reviewedOn"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionMayNotTakeTheCycleOfAnotherReview() {
        fixture.given(firstCycleHeld("2010-02-12"), secondCycleHeld())
                .when(new CorrectUprFactCommand(KAZ, 1, "typo", null,
                        new RecordUprReviewCommand(KAZ, 1, null, d("2014-10-30"), null, null, null)))
                .expectException(conflict("CYCLE_ALREADY_RECORDED", "cycle"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactNeverRecorded() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new CorrectUprFactCommand(KAZ, 3, "r", null, firstCycle("2010-02-13")))
                .expectException(notFound("FACT_NOT_FOUND", "correctsSequence"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneOfAnotherKind() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new CorrectUprFactCommand(KAZ, 0, "r", null, midTerm(1, "2012-06")))
                .expectException(invalid("CORRECTION_KIND_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneAboutAnotherState() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new CorrectUprFactCommand(KAZ, 0, "r", null,
                        new RecordUprReviewCommand(StateCode.of("UZB"), 1, null, d("2010-02-13"), null, null, null)))
                .expectException(invalid("CORRECTION_TARGET_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new CorrectUprFactCommand(KAZ, 0, "r", WG1, firstCycle("2010-02-12")))
                .expectException(invalid("CORRECTION_CHANGES_NOTHING", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(firstCycleHeld("2010-02-12"))
                .when(new CorrectUprFactCommand(KAZ, 0, null, WG1, firstCycle("2010-02-13")))
                .expectException(invalid("MISSING_FIELD", "reason"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAReviewNeverRecorded() {
        fixture.givenNoPriorActivity()
                .when(new CorrectUprFactCommand(KAZ, 0, "r", WG1, firstCycle("2010-02-12")))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionRoundTripsThroughJson() {
        UprFactCorrectedEvent corrected = new UprFactCorrectedEvent(ID, KAZ, 0, "why", WG1, firstCycleHeld("2010-02-12"));
        UprFactCorrectedEvent midTermCorrected = new UprFactCorrectedEvent(ID, KAZ, 1, "why", null,
                new UprMidTermReportSubmittedEvent(ID, KAZ, 1, d("2012"), null, null));

        assertThat(Json.roundTrip(corrected)).isEqualTo(corrected);
        assertThat(Json.roundTrip(midTermCorrected)).isEqualTo(midTermCorrected);
    }
}
