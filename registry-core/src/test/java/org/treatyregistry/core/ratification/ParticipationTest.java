package org.treatyregistry.core.ratification;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.treatyregistry.core.shared.Refusal.conflict;
import static org.treatyregistry.core.shared.Refusal.invalid;
import static org.treatyregistry.core.shared.Refusal.notFound;

/** Every participation command, accepted and refused, on Kazakhstan's record where the record has the facts. */
class ParticipationTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final InstrumentCode ICCPR = InstrumentCode.of("ICCPR");
    private static final InstrumentCode OP1 = InstrumentCode.of("ICCPR-OP1");
    private static final InstrumentCode CRPD = InstrumentCode.of("CRPD");
    private static final InstrumentCode CAT = InstrumentCode.of("CAT");
    private static final String ICCPR_ID = ParticipationId.of(KAZ, ICCPR);
    private static final String OP1_ID = ParticipationId.of(KAZ, OP1);
    private static final String CAT_ID = ParticipationId.of(KAZ, CAT);
    private static final String ICCPR_RULE = "ICCPR art. 49(2): three months after the date of deposit";
    private static final String OP1_RULE = "ICCPR-OP1 art. 9(2): three months after the date of deposit";
    private static final String CAT_RULE = "CAT art. 27(2): on the thirtieth day after the date of deposit";
    private static final Source UNTC = new Source(null, "https://treaties.un.org", "confidence high");
    private static final Source LAW_OP1 = Source.document("S_LAW_OP1");

    private FixtureConfiguration<Participation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participation.class);
    }

    private static LegalDate d(String text) {
        return LegalDate.parse(text);
    }

    private static RecordRatificationCommand ratifyIccpr(String deposit) {
        return new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, d(deposit), null, UNTC);
    }

    private static TreatyRatifiedEvent iccprRatified(String deposit, String eif) {
        return new TreatyRatifiedEvent(ICCPR_ID, KAZ, ICCPR, ConsentAction.RATIFICATION, d(deposit), d(eif), ICCPR_RULE, UNTC);
    }

    private static InstrumentSignedEvent op1Signed(String on) {
        return new InstrumentSignedEvent(OP1_ID, KAZ, OP1, d(on), LAW_OP1);
    }

    private static TreatyRatifiedEvent op1Ratified(String deposit, String eif) {
        return new TreatyRatifiedEvent(OP1_ID, KAZ, OP1, ConsentAction.RATIFICATION, d(deposit), d(eif), OP1_RULE, LAW_OP1);
    }

    private static TreatyRatifiedEvent catAcceded() {
        return new TreatyRatifiedEvent(CAT_ID, KAZ, CAT, ConsentAction.ACCESSION, d("1998-08-26"), d("1998-09-25"), CAT_RULE, UNTC);
    }

    // --- signature

    @Test
    void canRecordSignature() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignatureCommand(KAZ, OP1, d("2007-09-25"), LAW_OP1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(op1Signed("2007-09-25"))
                .expectResultMessagePayload(CommandOutcome.recorded(OP1_ID))
                .expectState(p -> {
                    assertThat(p.participationId()).isEqualTo(OP1_ID);
                    assertThat(p.state().signature().signedOn()).isEqualTo(d("2007-09-25"));
                    assertThat(p.state().isParty()).isFalse();
                });
    }

    @Test
    void cannotSignBeforeOpeningForSignature() {
        // ICCPR-OP1 was opened for signature on 19 December 1966
        fixture.givenNoPriorActivity()
                .when(new RecordSignatureCommand(KAZ, OP1, d("1966-12-18"), LAW_OP1))
                .expectException(RegistryException.class)
                .expectException(invalid("DATE_BEFORE_OPENING", "signedOn"))
                .expectExceptionMessage("the signature (1966-12-18) is before ICCPR-OP1 was opened for signature on 1966-12-19")
                .expectNoEvents();
    }

    @Test
    void cannotSignWithoutADate() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignatureCommand(KAZ, OP1, null, LAW_OP1))
                .expectException(invalid("MISSING_FIELD", "signedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordASecondSignature() {
        fixture.given(op1Signed("2007-09-25"))
                .when(new RecordSignatureCommand(KAZ, OP1, d("2007-09-26"), LAW_OP1))
                .expectException(RegistryException.class)
                .expectException(conflict("ALREADY_SIGNED", "signedOn"))
                .expectExceptionMessage(containsString("was already signed on 2007-09-25"))
                .expectNoEvents();
    }

    // --- ratification

    @Test
    void canRecordRatification() {
        fixture.givenNoPriorActivity()
                .when(ratifyIccpr("2006-01-24"))
                .expectEvents(iccprRatified("2006-01-24", "2006-04-24"))
                .expectResultMessagePayload(CommandOutcome.recorded(ICCPR_ID))
                .expectState(p -> {
                    assertThat(p.state().isParty()).isTrue();
                    assertThat(p.state().ratification().entryIntoForce()).isEqualTo(d("2006-04-24"));
                    assertThat(p.state().ratification().entryIntoForceBasis()).isEqualTo(ICCPR_RULE);
                });
    }

    @Test
    void canRecordRatificationAfterSignature() {
        fixture.given(op1Signed("2007-09-25"))
                .when(new RecordRatificationCommand(KAZ, OP1, ConsentAction.RATIFICATION, d("2009-06-30"), null, LAW_OP1))
                .expectEvents(op1Ratified("2009-06-30", "2009-09-30"))
                .expectState(p -> {
                    assertThat(p.state().signature()).isNotNull();
                    assertThat(p.state().ratification().entryIntoForce()).isEqualTo(d("2009-09-30"));
                });
    }

    @Test
    void canRecordRatificationWithAnEntryIntoForceStatedBySource() {
        // the Kazakh Bulletin of International Treaties states 24 April 2006, which the rule confirms
        Source bulletin = new Source("S_LAW_ICCPR", null, "Entered into force on April 24, 2006");
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, d("2006-01-24"), d("2006-04-24"), bulletin))
                .expectEvents(new TreatyRatifiedEvent(ICCPR_ID, KAZ, ICCPR, ConsentAction.RATIFICATION, d("2006-01-24"),
                        d("2006-04-24"), "stated by S_LAW_ICCPR", bulletin));
    }

    @Test
    void canRecordRatificationWhoseDepositNoSourceGives() {
        // CEDAW: Kazakhstan's accession date was not found; the registry records the accession without a date
        InstrumentCode cedaw = InstrumentCode.of("CEDAW");
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, cedaw, ConsentAction.ACCESSION, null, null, null))
                .expectEvents(new TreatyRatifiedEvent(ParticipationId.of(KAZ, cedaw), KAZ, cedaw, ConsentAction.ACCESSION, null, null,
                        "unknown: no deposit date recorded", null))
                .expectState(p -> assertThat(p.state().isParty()).isTrue());
    }

    @Test
    void cannotRecordSecondRatificationOfSameInstrument() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(ratifyIccpr("2006-02-01"))
                .expectException(RegistryException.class)
                .expectException(conflict("ALREADY_PARTY", "instrument"))
                .expectExceptionMessage("KAZ is already party to ICCPR (ratification deposited 2006-01-24); correct that fact instead")
                .expectNoEvents();
    }

    @Test
    void cannotRecordAnAccessionToAnInstrumentAlreadyRatified() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.ACCESSION, d("2006-01-24"), null, UNTC))
                .expectException(conflict("ALREADY_PARTY", "instrument"))
                .expectNoEvents();
    }

    @Test
    void repeatingAnIdenticalFactRecordsNothing() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(ratifyIccpr("2006-01-24"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(ICCPR_ID));
    }

    @Test
    void repeatingAnIdenticalSignatureRecordsNothing() {
        fixture.given(op1Signed("2007-09-25"))
                .when(new RecordSignatureCommand(KAZ, OP1, d("2007-09-25"), LAW_OP1))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(OP1_ID));
    }

    @Test
    void cannotDepositBeforeOpeningForSignature() {
        // CRPD was opened for signature on 30 March 2007
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, CRPD, ConsentAction.RATIFICATION, d("2007-03-29"), null, UNTC))
                .expectException(RegistryException.class)
                .expectException(invalid("DATE_BEFORE_OPENING", "depositedOn"))
                .expectExceptionMessage("the deposit (2007-03-29) is before CRPD was opened for signature on 2007-03-30")
                .expectNoEvents();
    }

    @Test
    void canDepositInTheMonthOfOpeningWhenOnlyTheMonthIsKnown() {
        // "2007-03" may be 30 or 31 March: not provably before the opening
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, CRPD, ConsentAction.RATIFICATION, d("2007-03"), null, UNTC))
                .expectSuccessfulHandlerExecution()
                .expectState(p -> assertThat(p.state().ratification().depositedOn()).isEqualTo(d("2007-03")));
    }

    @Test
    void cannotDepositBeforeSigning() {
        fixture.given(op1Signed("2007-09-25"))
                .when(new RecordRatificationCommand(KAZ, OP1, ConsentAction.RATIFICATION, d("2007-09-01"), null, LAW_OP1))
                .expectException(invalid("DATE_OUT_OF_ORDER", "depositedOn"))
                .expectExceptionMessage("the deposit (2007-09-01) cannot precede the signature (2007-09-25)")
                .expectNoEvents();
    }

    @Test
    void cannotStateAnEntryIntoForceBeforeTheDeposit() {
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, d("2006-01-24"), d("2006-01-23"), UNTC))
                .expectException(invalid("DATE_OUT_OF_ORDER", "statedEntryIntoForce"))
                .expectNoEvents();
    }

    @Test
    void cannotStateAnEntryIntoForceThatContradictsTheTreatyRule() {
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, ICCPR, ConsentAction.RATIFICATION, d("2006-01-24"), d("2006-02-23"), UNTC))
                .expectException(invalid("ENTRY_INTO_FORCE_INCONSISTENT", "statedEntryIntoForce"))
                .expectExceptionMessage("a deposit on 2006-01-24 gives entry into force on 2006-04-24 by " + ICCPR_RULE + ", not 2006-02-23")
                .expectNoEvents();
    }

    @Test
    void canStateAnExactEntryIntoForceWhereTheDepositIsKnownOnlyToTheMonth() {
        // CAT: accession "August 1998"; CERD's record gives entry into force 25 Sep 1998 for the sister deposit
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, CAT, ConsentAction.ACCESSION, d("1998-08"), d("1998-09-25"), Source.document("S_CAT_IPHR2014")))
                .expectEvents(new TreatyRatifiedEvent(CAT_ID, KAZ, CAT, ConsentAction.ACCESSION, d("1998-08"), d("1998-09-25"),
                        "stated by S_CAT_IPHR2014", Source.document("S_CAT_IPHR2014")));
    }

    @Test
    void cannotRatifyWithoutSayingHowConsentWasExpressed() {
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, ICCPR, null, d("2006-01-24"), null, UNTC))
                .expectException(invalid("MISSING_FIELD", "action"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAFactForAnUnknownStateOrInstrument() {
        // the codes are refused when the command is built, before any command can reach the registry
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordRatificationCommand(StateCode.of("XXX"), ICCPR,
                        ConsentAction.RATIFICATION, d("2006-01-24"), null, UNTC))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo("UNKNOWN_STATE"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RecordRatificationCommand(KAZ, InstrumentCode.of("ICCPR-OP3"),
                        ConsentAction.RATIFICATION, d("2006-01-24"), null, UNTC))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo("UNKNOWN_INSTRUMENT"));
    }

    // --- reservations and declarations

    private static RecordReservationCommand op1Declaration(String reference, String madeOn) {
        return new RecordReservationCommand(KAZ, OP1, reference, ReservationKind.DECLARATION, "art. 1",
                "competence only for acts after the Protocol entered into force for Kazakhstan", d(madeOn), LAW_OP1);
    }

    private static ReservationEnteredEvent op1DeclarationEntered(String reference, String madeOn) {
        return new ReservationEnteredEvent(OP1_ID, KAZ, OP1, reference, ReservationKind.DECLARATION, "art. 1",
                "competence only for acts after the Protocol entered into force for Kazakhstan", d(madeOn), LAW_OP1);
    }

    @Test
    void canRecordReservation() {
        fixture.given(op1Signed("2007-09-25"), op1Ratified("2009-06-30", "2009-09-30"))
                .when(op1Declaration("ratione temporis", "2009-06-30"))
                .expectEvents(op1DeclarationEntered("ratione temporis", "2009-06-30"))
                .expectState(p -> assertThat(p.state().activeReservations()).containsOnlyKeys("ratione temporis"));
    }

    @Test
    void canRecordReservationMadeAtSignature() {
        fixture.given(op1Signed("2007-09-25"))
                .when(op1Declaration("at signature", "2007-09-25"))
                .expectEvents(op1DeclarationEntered("at signature", "2007-09-25"));
    }

    @Test
    void cannotRecordReservationToAnInstrumentNeitherSignedNorRatified() {
        fixture.givenNoPriorActivity()
                .when(op1Declaration("ratione temporis", "2009-06-30"))
                .expectException(conflict("NOT_A_SIGNATORY", "instrument"))
                .expectExceptionMessage("KAZ has neither signed nor ratified ICCPR-OP1; record that first")
                .expectNoEvents();
    }

    @Test
    void cannotRecordTwoReservationsUnderOneReference() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-30"))
                .when(op1Declaration("ratione temporis", "2009-07-01"))
                .expectException(conflict("RESERVATION_EXISTS", "reference"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordReservationWithoutReferenceKindOrDate() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"))
                .when(new RecordReservationCommand(KAZ, OP1, " ", ReservationKind.DECLARATION, null, null, d("2009-06-30"), LAW_OP1))
                .expectException(invalid("MISSING_FIELD", "reference"))
                .expectNoEvents();
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"))
                .when(new RecordReservationCommand(KAZ, OP1, "r", null, null, null, d("2009-06-30"), LAW_OP1))
                .expectException(invalid("MISSING_FIELD", "kind"));
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"))
                .when(new RecordReservationCommand(KAZ, OP1, "r", ReservationKind.RESERVATION, null, null, null, LAW_OP1))
                .expectException(invalid("MISSING_FIELD", "madeOn"));
    }

    @Test
    void canWithdrawReservation() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-30"))
                .when(new WithdrawReservationCommand(KAZ, OP1, "ratione temporis", d("2015-01-10"), UNTC))
                .expectEvents(new ReservationWithdrawnEvent(OP1_ID, KAZ, OP1, "ratione temporis", d("2015-01-10"), UNTC))
                .expectState(p -> assertThat(p.state().activeReservations()).isEmpty());
    }

    @Test
    void canEnterAReservationAgainUnderAReferenceWithdrawnBefore() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-30"),
                        new ReservationWithdrawnEvent(OP1_ID, KAZ, OP1, "ratione temporis", d("2015-01-10"), UNTC))
                .when(op1Declaration("ratione temporis", "2016-01-10"))
                .expectEvents(op1DeclarationEntered("ratione temporis", "2016-01-10"));
    }

    @Test
    void cannotWithdrawAReservationThatIsNotInForce() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"))
                .when(new WithdrawReservationCommand(KAZ, OP1, "art. 22 declaration", d("2015-01-10"), UNTC))
                .expectException(notFound("RESERVATION_NOT_FOUND", "reference"))
                .expectExceptionMessage("no reservation or declaration called 'art. 22 declaration' is in force for " + OP1_ID)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAReservationBeforeItWasMade() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-30"))
                .when(new WithdrawReservationCommand(KAZ, OP1, "ratione temporis", d("2009-06-29"), UNTC))
                .expectException(invalid("DATE_OUT_OF_ORDER", "withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawAReservationWithoutADate() {
        fixture.given(op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-30"))
                .when(new WithdrawReservationCommand(KAZ, OP1, "ratione temporis", null, UNTC))
                .expectException(invalid("MISSING_FIELD", "withdrawnOn"))
                .expectNoEvents();
    }

    // --- denunciation (an illustrative case: Kazakhstan has denounced nothing)

    @Test
    void canRecordDenunciation() {
        fixture.given(catAcceded())
                .when(new RecordDenunciationCommand(KAZ, CAT, d("2030-01-15"), d("2031-01-15"), UNTC))
                .expectEvents(new TreatyDenouncedEvent(CAT_ID, KAZ, CAT, d("2030-01-15"), d("2031-01-15"), UNTC))
                .expectState(p -> {
                    assertThat(p.state().isParty()).isFalse();
                    assertThat(p.state().denunciation().effectiveOn()).isEqualTo(d("2031-01-15"));
                });
    }

    @Test
    void cannotDenounceAnInstrumentTheStateIsNotPartyTo() {
        fixture.given(op1Signed("2007-09-25"))
                .when(new RecordDenunciationCommand(KAZ, OP1, d("2030-01-15"), null, UNTC))
                .expectException(conflict("NOT_A_PARTY", "instrument"))
                .expectNoEvents();
    }

    @Test
    void cannotDenounceTwice() {
        fixture.given(catAcceded(), new TreatyDenouncedEvent(CAT_ID, KAZ, CAT, d("2030-01-15"), d("2031-01-15"), UNTC))
                .when(new RecordDenunciationCommand(KAZ, CAT, d("2030-02-15"), null, UNTC))
                .expectException(conflict("ALREADY_DENOUNCED", "instrument"))
                .expectNoEvents();
    }

    @Test
    void cannotDenounceBeforeTheDeposit() {
        fixture.given(catAcceded())
                .when(new RecordDenunciationCommand(KAZ, CAT, d("1998-08-01"), null, UNTC))
                .expectException(invalid("DATE_OUT_OF_ORDER", "notifiedOn"))
                .expectNoEvents();
    }

    @Test
    void aDenunciationCannotTakeEffectBeforeItIsNotified() {
        fixture.given(catAcceded())
                .when(new RecordDenunciationCommand(KAZ, CAT, d("2030-01-15"), d("2029-01-15"), UNTC))
                .expectException(invalid("DATE_OUT_OF_ORDER", "effectiveOn"))
                .expectNoEvents();
    }

    @Test
    void canBecomePartyAgainAfterADenunciation() {
        fixture.given(catAcceded(), new TreatyDenouncedEvent(CAT_ID, KAZ, CAT, d("2030-01-15"), d("2031-01-15"), UNTC))
                .when(new RecordRatificationCommand(KAZ, CAT, ConsentAction.ACCESSION, d("2035-03-01"), null, UNTC))
                .expectEvents(new TreatyRatifiedEvent(CAT_ID, KAZ, CAT, ConsentAction.ACCESSION, d("2035-03-01"),
                        d("2035-03-31"), CAT_RULE, UNTC));
    }

    // --- corrections (given events carry sequence numbers 0, 1, 2 ... in order)

    @Test
    void canCorrectARecordedFact() {
        fixture.given(iccprRatified("2006-01-25", "2006-04-25"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "the UNTC gives 24 January 2006", UNTC,
                        ratifyIccpr("2006-01-24")))
                .expectEvents(new ParticipationFactCorrectedEvent(ICCPR_ID, KAZ, ICCPR, 0, "the UNTC gives 24 January 2006",
                        UNTC, iccprRatified("2006-01-24", "2006-04-24")))
                .expectResultMessagePayload(CommandOutcome.recorded(ICCPR_ID))
                .expectState(p -> {
                    assertThat(p.state().ratification().depositedOn()).isEqualTo(d("2006-01-24"));
                    assertThat(p.state().ratification().entryIntoForce()).isEqualTo(d("2006-04-24"));
                });
    }

    @Test
    void canCorrectAFactInTheMiddleOfTheRecordByItsSequenceNumber() {
        fixture.given(op1Signed("2007-09-25"), op1Ratified("2009-06-30", "2009-09-30"), op1DeclarationEntered("ratione temporis", "2009-06-03"))
                .when(new CorrectParticipationFactCommand(KAZ, OP1, 2, "typo in the date", LAW_OP1,
                        op1Declaration("ratione temporis", "2009-06-30")))
                .expectEvents(new ParticipationFactCorrectedEvent(OP1_ID, KAZ, OP1, 2, "typo in the date", LAW_OP1,
                        op1DeclarationEntered("ratione temporis", "2009-06-30")))
                .expectState(p -> assertThat(p.state().activeReservations().get("ratione temporis").madeOn()).isEqualTo(d("2009-06-30")));
    }

    @Test
    void canCorrectAFactThatWasAlreadyCorrected() {
        fixture.given(iccprRatified("2006-01-20", "2006-04-20"),
                        new ParticipationFactCorrectedEvent(ICCPR_ID, KAZ, ICCPR, 0, "first fix", UNTC, iccprRatified("2006-01-25", "2006-04-25")))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "second fix", UNTC, ratifyIccpr("2006-01-24")))
                .expectEvents(new ParticipationFactCorrectedEvent(ICCPR_ID, KAZ, ICCPR, 0, "second fix", UNTC,
                        iccprRatified("2006-01-24", "2006-04-24")))
                .expectState(p -> assertThat(p.state().ratification().depositedOn()).isEqualTo(d("2006-01-24")));
    }

    @Test
    void aCorrectionCountsInTheSequenceNumbersOfTheFactsAfterIt() {
        // 0: ratification, 1: its correction, 2: the declaration
        fixture.given(op1Ratified("2009-06-03", "2009-09-03"),
                        new ParticipationFactCorrectedEvent(OP1_ID, KAZ, OP1, 0, "fix", LAW_OP1, op1Ratified("2009-06-30", "2009-09-30")),
                        op1DeclarationEntered("ratione temporis", "2009-06-03"))
                .when(new CorrectParticipationFactCommand(KAZ, OP1, 2, "typo in the date", LAW_OP1,
                        op1Declaration("ratione temporis", "2009-06-30")))
                .expectEvents(new ParticipationFactCorrectedEvent(OP1_ID, KAZ, OP1, 2, "typo in the date", LAW_OP1,
                        op1DeclarationEntered("ratione temporis", "2009-06-30")))
                .expectState(p -> {
                    assertThat(p.state().ratification().depositedOn()).isEqualTo(d("2009-06-30"));
                    assertThat(p.state().activeReservations().get("ratione temporis").madeOn()).isEqualTo(d("2009-06-30"));
                });
        new AggregateTestFixture<>(Participation.class)
                .given(op1Ratified("2009-06-03", "2009-09-03"),
                        new ParticipationFactCorrectedEvent(OP1_ID, KAZ, OP1, 0, "fix", LAW_OP1, op1Ratified("2009-06-30", "2009-09-30")),
                        op1DeclarationEntered("ratione temporis", "2009-06-03"))
                .when(new CorrectParticipationFactCommand(KAZ, OP1, 1, "a correction is not a fact", LAW_OP1,
                        op1Declaration("ratione temporis", "2009-06-30")))
                .expectException(notFound("FACT_NOT_FOUND", "correctsSequence"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsCheckedAgainstTheOtherFacts() {
        fixture.given(op1Signed("2007-09-25"), op1Ratified("2009-06-30", "2009-09-30"))
                .when(new CorrectParticipationFactCommand(KAZ, OP1, 1, "wrong", LAW_OP1,
                        new RecordRatificationCommand(KAZ, OP1, ConsentAction.RATIFICATION, d("2007-09-01"), null, LAW_OP1)))
                .expectException(invalid("DATE_OUT_OF_ORDER", "depositedOn"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionIsCheckedLikeTheFactItReplaces() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "wrong", UNTC, ratifyIccpr("1960-01-01")))
                .expectException(invalid("DATE_BEFORE_OPENING", "depositedOn"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactNeverRecorded() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 1, "no such fact", UNTC, ratifyIccpr("2006-01-25")))
                .expectException(notFound("FACT_NOT_FOUND", "correctsSequence"))
                .expectExceptionMessage("no fact with sequence 1 in " + ICCPR_ID)
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneOfAnotherKind() {
        fixture.given(op1Signed("2007-09-25"), op1Ratified("2009-06-30", "2009-09-30"))
                .when(new CorrectParticipationFactCommand(KAZ, OP1, 0, "wrong kind", LAW_OP1,
                        new RecordRatificationCommand(KAZ, OP1, ConsentAction.RATIFICATION, d("2009-06-30"), null, LAW_OP1)))
                .expectException(invalid("CORRECTION_KIND_MISMATCH", "replacement"))
                .expectExceptionMessage("a InstrumentSigned can only be corrected by a InstrumentSigned, not a TreatyRatified")
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAFactWithOneAboutAnotherInstrument() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "wrong stream", UNTC,
                        new RecordRatificationCommand(KAZ, InstrumentCode.of("ICESCR"), ConsentAction.RATIFICATION, d("2006-01-24"), null, UNTC)))
                .expectException(invalid("CORRECTION_TARGET_MISMATCH", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "same", UNTC, ratifyIccpr("2006-01-24")))
                .expectException(invalid("CORRECTION_CHANGES_NOTHING", "replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReasonAndAReplacement() {
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, " ", UNTC, ratifyIccpr("2006-01-25")))
                .expectException(invalid("MISSING_FIELD", "reason"))
                .expectNoEvents();
        fixture.given(iccprRatified("2006-01-24", "2006-04-24"))
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "reason", UNTC, null))
                .expectException(invalid("MISSING_FIELD", "replacement"))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAParticipationNeverRecorded() {
        fixture.givenNoPriorActivity()
                .when(new CorrectParticipationFactCommand(KAZ, ICCPR, 0, "reason", UNTC, ratifyIccpr("2006-01-24")))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void afterACorrectionTheOriginalFactNoLongerCountsAsRecorded() {
        fixture.given(iccprRatified("2006-01-25", "2006-04-25"),
                        new ParticipationFactCorrectedEvent(ICCPR_ID, KAZ, ICCPR, 0, "fix", UNTC, iccprRatified("2006-01-24", "2006-04-24")))
                .when(ratifyIccpr("2006-01-24"))
                .expectNoEvents()
                .expectResultMessagePayload(CommandOutcome.alreadyRecorded(ICCPR_ID));
        fixture.given(iccprRatified("2006-01-25", "2006-04-25"),
                        new ParticipationFactCorrectedEvent(ICCPR_ID, KAZ, ICCPR, 0, "fix", UNTC, iccprRatified("2006-01-24", "2006-04-24")))
                .when(ratifyIccpr("2006-01-25"))
                .expectException(conflict("ALREADY_PARTY", "instrument"));
    }
}
