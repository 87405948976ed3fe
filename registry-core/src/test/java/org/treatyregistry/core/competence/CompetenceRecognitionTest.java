package org.treatyregistry.core.competence;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.AcceptanceMode;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.Json;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.treatyregistry.core.catalogue.MechanismType.INDIVIDUAL_COMMUNICATIONS;
import static org.treatyregistry.core.catalogue.MechanismType.INQUIRY;
import static org.treatyregistry.core.shared.Refusal.conflict;
import static org.treatyregistry.core.shared.Refusal.invalid;
import static org.treatyregistry.core.shared.Refusal.notFound;

/** Every competence command, accepted and refused. Kazakhstan made the CAT art. 22 declaration in 2008 (CAT/C/KAZ/CO/2). */
class CompetenceRecognitionTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final TreatyBodyCode CAT = TreatyBodyCode.of("CAT");
    private static final TreatyBodyCode CCPR = TreatyBodyCode.of("CCPR");
    private static final InstrumentCode CAT_TREATY = InstrumentCode.of("CAT");
    private static final String CAT_ART22 = RecognitionId.of(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS);
    private static final String CAT_INQUIRY = RecognitionId.of(KAZ, CAT, INQUIRY);
    private static final Source CO2 = Source.document("CAT/C/KAZ/CO/2");

    private FixtureConfiguration<CompetenceRecognition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CompetenceRecognition.class);
    }

    private static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    private static RecognizeCompetenceCommand recognizeArt22(String effectiveFrom) {
        return new RecognizeCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d(effectiveFrom), null, CO2);
    }

    private static CompetenceRecognizedEvent art22Recognized(String effectiveFrom) {
        return new CompetenceRecognizedEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, CAT_TREATY, "art. 22",
                AcceptanceMode.DECLARATION, d(effectiveFrom), null, CO2);
    }

    private static CompetenceOptedOutEvent inquiryOptedOut(String on) {
        return new CompetenceOptedOutEvent(CAT_INQUIRY, KAZ, CAT, INQUIRY, "CAT art. 28", d(on), null);
    }

    @Test
    void canRecognizeCompetence() {
        fixture.givenNoPriorActivity()
                .when(recognizeArt22("2008"))
                .expectEvents(art22Recognized("2008"))
                .expectResultMessagePayload(CommandOutcome.recorded(CAT_ART22))
                .expectState(r -> {
                    assertThat(r.state().recognized()).isTrue();
                    assertThat(r.state().recognition().effectiveFrom()).isEqualTo(d("2008"));
                });
    }

    @Test
    void canRecognizeCompetenceByRatifyingAProtocol() {
        // ICCPR-OP1: entered into force for Kazakhstan on 30 Sep 2009
        fixture.givenNoPriorActivity()
                .when(new RecognizeCompetenceCommand(KAZ, CCPR, INDIVIDUAL_COMMUNICATIONS, d("2009-09-30"), d("2009-06-30"), null))
                .expectEvents(new CompetenceRecognizedEvent(RecognitionId.of(KAZ, CCPR, INDIVIDUAL_COMMUNICATIONS), KAZ, CCPR, INDIVIDUAL_COMMUNICATIONS,
                        InstrumentCode.of("ICCPR-OP1"), "art. 1", AcceptanceMode.PROTOCOL_RATIFICATION, d("2009-09-30"), d("2009-06-30"), null));
    }

    @Test
    void canRecognizeCompetenceWhoseDateNoSourceGives() {
        // CERD art. 14: recognised, but the date of the declaration was not found
        fixture.givenNoPriorActivity()
                .when(new RecognizeCompetenceCommand(KAZ, TreatyBodyCode.of("CERD"), INDIVIDUAL_COMMUNICATIONS, null, null, null))
                .expectEvents(new CompetenceRecognizedEvent(RecognitionId.of(KAZ, TreatyBodyCode.of("CERD"), INDIVIDUAL_COMMUNICATIONS), KAZ, TreatyBodyCode.of("CERD"),
                        INDIVIDUAL_COMMUNICATIONS, InstrumentCode.of("ICERD"), "art. 14", AcceptanceMode.DECLARATION, null, null, null));
    }

    @Test
    void cannotRecognizeCompetenceTwice() {
        fixture.given(art22Recognized("2008"))
                .when(recognizeArt22("2009"))
                .expectException(RegistryException.class)
                .expectException(conflict("ALREADY_RECOGNIZED", "mechanism"))
                .expectExceptionMessage("KAZ already recognises CAT INDIVIDUAL_COMMUNICATIONS (CAT art. 22); correct that fact instead")
                .expectNoEvents();
    }

    @Test
    void repeatingAnIdenticalFactRecordsNothing() {
        fixture.given(art22Recognized("2008"))
                .when(recognizeArt22("2008"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(CAT_ART22));
    }

    @Test
    void cannotRecognizeAMechanismTheBodyDoesNotHave() {
        fixture.givenNoPriorActivity()
                .when(new RecognizeCompetenceCommand(KAZ, CCPR, INQUIRY, d("2010"), null, null))
                .expectException(invalid("NO_SUCH_MECHANISM", "mechanism"))
                .expectNoEvents();
    }

    @Test
    void cannotRecognizeCompetenceBeforeItWasDeclared() {
        fixture.givenNoPriorActivity()
                .when(new RecognizeCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2008-01-01"), d("2008-02-01"), CO2))
                .expectException(invalid("DATE_OUT_OF_ORDER", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    void cannotNameAnUnknownTreatyBody() {
        RegistryException e = catchThrowableOfType(RegistryException.class,
                () -> new RecognizeCompetenceCommand(KAZ, TreatyBodyCode.of("HRC"), INDIVIDUAL_COMMUNICATIONS, null, null, null));

        assertThat(e.errorCode()).isEqualTo("UNKNOWN_TREATY_BODY");
    }

    // --- opt-out

    @Test
    void canRecordOptOutOfAnInquiryCompetence() {
        fixture.givenNoPriorActivity()
                .when(new RecordCompetenceOptOutCommand(KAZ, CAT, INQUIRY, d("1998-08"), null))
                .expectEvents(inquiryOptedOut("1998-08"))
                .expectState(r -> {
                    assertThat(r.state().optedOut()).isTrue();
                    assertThat(r.state().recognized()).isFalse();
                });
    }

    @Test
    void cannotOptOutOfACompetenceThatHasNoOptOut() {
        fixture.givenNoPriorActivity()
                .when(new RecordCompetenceOptOutCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("1998-08"), null))
                .expectException(invalid("OPT_OUT_NOT_AVAILABLE", "mechanism"))
                .expectExceptionMessage("CAT art. 22 has no opt-out (DECLARATION)")
                .expectNoEvents();
    }

    @Test
    void cannotOptOutOfACompetenceAlreadyRecognized() {
        CompetenceRecognizedEvent inquiry = new CompetenceRecognizedEvent(CAT_INQUIRY, KAZ, CAT, INQUIRY, CAT_TREATY, "art. 20",
                AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT, d("1998"), null, null);
        fixture.given(inquiry)
                .when(new RecordCompetenceOptOutCommand(KAZ, CAT, INQUIRY, d("1998-08"), null))
                .expectException(conflict("OPT_OUT_CONFLICT", "mechanism"))
                .expectExceptionMessage("KAZ has already recognised this competence")
                .expectNoEvents();
    }

    @Test
    void cannotOptOutTwice() {
        fixture.given(inquiryOptedOut("1998-08"))
                .when(new RecordCompetenceOptOutCommand(KAZ, CAT, INQUIRY, d("1998-09"), null))
                .expectException(conflict("OPT_OUT_CONFLICT", "mechanism"))
                .expectExceptionMessage("KAZ has already opted out of this competence")
                .expectNoEvents();
    }

    @Test
    void canRecognizeACompetenceOptedOutOfBefore() {
        // CAT art. 28(2): a state that opted out may withdraw its reservation at any time
        fixture.given(inquiryOptedOut("1998-08"))
                .when(new RecognizeCompetenceCommand(KAZ, CAT, INQUIRY, d("2010-01-01"), null, null))
                .expectEvents(new CompetenceRecognizedEvent(CAT_INQUIRY, KAZ, CAT, INQUIRY, CAT_TREATY, "art. 20",
                        AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT, d("2010-01-01"), null, null))
                .expectState(r -> assertThat(r.state().recognized()).isTrue());
    }

    // --- withdrawal

    @Test
    void canWithdrawCompetence() {
        fixture.given(art22Recognized("2008"))
                .when(new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .expectEvents(new CompetenceWithdrawnEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .expectState(r -> {
                    assertThat(r.state().recognized()).isFalse();
                    assertThat(r.state().withdrawal().withdrawnOn()).isEqualTo(d("2030-01-01"));
                });
    }

    @Test
    void cannotWithdrawACompetenceNotRecognized() {
        fixture.givenNoPriorActivity()
                .when(new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .expectException(conflict("NOT_RECOGNIZED", "mechanism"))
                .expectExceptionMessage(containsString("there is nothing to withdraw"))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(art22Recognized("2008"), new CompetenceWithdrawnEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .when(new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-02-01"), null))
                .expectException(conflict("NOT_RECOGNIZED", "mechanism"))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawCompetenceBeforeItTookEffect() {
        fixture.given(art22Recognized("2008"))
                .when(new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2007-12-31"), null))
                .expectException(invalid("DATE_OUT_OF_ORDER", "withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawWithoutADate() {
        fixture.given(art22Recognized("2008"))
                .when(new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, null, null))
                .expectException(invalid("MISSING_FIELD", "withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void canRecognizeAgainAfterAWithdrawal() {
        fixture.given(art22Recognized("2008"), new CompetenceWithdrawnEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .when(recognizeArt22("2032"))
                .expectEvents(art22Recognized("2032"))
                .expectState(r -> {
                    assertThat(r.state().recognized()).isTrue();
                    assertThat(r.state().recognition().effectiveFrom()).isEqualTo(d("2032"));
                });
    }

    // --- corrections

    @Test
    void canCorrectARecordedFact() {
        fixture.given(art22Recognized("2009"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "CAT/C/KAZ/CO/2 gives 2008", CO2,
                        recognizeArt22("2008")))
                .expectEvents(new CompetenceFactCorrectedEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0,
                        "CAT/C/KAZ/CO/2 gives 2008", CO2, art22Recognized("2008")))
                .expectResultMessagePayload(CommandOutcome.recorded(CAT_ART22))
                .expectState(r -> assertThat(r.state().recognition().effectiveFrom()).isEqualTo(d("2008")));
    }

    @Test
    void aCorrectionIsCheckedAgainstTheOtherFacts() {
        fixture.given(art22Recognized("2008"), new CompetenceWithdrawnEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 1, "typo", null,
                        new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2007-01-01"), null)))
                .expectException(invalid("DATE_OUT_OF_ORDER", "withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactNeverRecorded() {
        fixture.given(art22Recognized("2008"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 4, "r", null, recognizeArt22("2009")))
                .expectException(notFound("FACT_NOT_FOUND", "correctsSequence"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneOfAnotherKind() {
        fixture.given(art22Recognized("2008"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "r", null,
                        new WithdrawCompetenceCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, d("2030-01-01"), null)))
                .expectException(invalid("CORRECTION_KIND_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneAboutAnotherMechanism() {
        fixture.given(art22Recognized("2008"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "r", null,
                        new RecognizeCompetenceCommand(KAZ, CAT, MechanismType.INTER_STATE_COMMUNICATIONS, d("2008"), null, CO2)))
                .expectException(invalid("CORRECTION_TARGET_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(art22Recognized("2008"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "r", null, recognizeArt22("2008")))
                .expectException(invalid("CORRECTION_CHANGES_NOTHING", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(art22Recognized("2008"))
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "", null, recognizeArt22("2009")))
                .expectException(invalid("MISSING_FIELD", "reason"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectARecognitionNeverRecorded() {
        fixture.givenNoPriorActivity()
                .when(new CorrectCompetenceFactCommand(KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0, "r", null, recognizeArt22("2009")))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionRoundTripsThroughJsonWithItsPolymorphicReplacement() {
        CompetenceFactCorrectedEvent corrected = new CompetenceFactCorrectedEvent(CAT_ART22, KAZ, CAT, INDIVIDUAL_COMMUNICATIONS, 0,
                "why", CO2, art22Recognized("2008"));
        CompetenceFactCorrectedEvent optOut = new CompetenceFactCorrectedEvent(CAT_INQUIRY, KAZ, CAT, INQUIRY, 0, "why", null,
                inquiryOptedOut("1998-08"));

        assertThat(Json.roundTrip(corrected)).isEqualTo(corrected);
        assertThat(Json.roundTrip(optOut)).isEqualTo(optOut);
        assertThat(Json.write(optOut)).contains("\"fact\":\"opt-out\"");
    }
}
