package org.treatyregistry.core.ratification;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.shared.DatePrecision;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entry into force for a state, computed by the Participation aggregate from the deposit (rules.md section 0),
 * checked against the dates of Kazakhstan's record (shared/domain/kazakhstan.json) where the record has them.
 */
class EntryIntoForceRulesTest {

    private static final StateCode KAZ = StateCode.of("KAZ");
    private static final Source SOURCE = Source.document("UNTC");

    private FixtureConfiguration<Participation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participation.class);
    }

    private static LegalDate d(String text) {
        return text == null ? null : LegalDate.parse(text);
    }

    /** Ratifies through the fixture and checks the recorded event carries the expected entry into force and basis. */
    private void depositGives(String instrument, ConsentAction action, String deposit, String expectedEif, String expectedBasis) {
        InstrumentCode code = InstrumentCode.of(instrument);
        fixture.givenNoPriorActivity()
                .when(new RecordRatificationCommand(KAZ, code, action, d(deposit), null, SOURCE))
                .expectEvents(new TreatyRatifiedEvent(ParticipationId.of(KAZ, code), KAZ, code, action, d(deposit), d(expectedEif),
                        expectedBasis, SOURCE))
                .expectState(p -> assertThat(p.state().ratification().entryIntoForce()).isEqualTo(d(expectedEif)));
    }

    @Test
    void iccprEntersIntoForceThreeMonthsAfterDeposit() {
        // kazakhstan.json: ratification 24 Jan 2006, EIF 24 Apr 2006 (stated)
        depositGives("ICCPR", ConsentAction.RATIFICATION, "2006-01-24", "2006-04-24",
                "ICCPR art. 49(2): three months after the date of deposit");
    }

    @Test
    void icescrEntersIntoForceThreeMonthsAfterDeposit() {
        depositGives("ICESCR", ConsentAction.RATIFICATION, "2006-01-24", "2006-04-24",
                "ICESCR art. 27(2): three months after the date of deposit");
    }

    @Test
    void iccprSecondProtocolEntersIntoForceThreeMonthsAfterDeposit() {
        // kazakhstan.json: 24 Mar 2022 -> 24 Jun 2022 (stated)
        depositGives("ICCPR-OP2", ConsentAction.RATIFICATION, "2022-03-24", "2022-06-24",
                "ICCPR-OP2 art. 8(2): three months after the date of deposit");
    }

    @Test
    void icerdEntersIntoForceOnTheThirtiethDayAfterDeposit() {
        // kazakhstan.json: accession 26 Aug 1998 (derived), EIF 25 Sep 1998 (CERD/C/65/CO/3)
        depositGives("ICERD", ConsentAction.ACCESSION, "1998-08-26", "1998-09-25",
                "ICERD art. 19(2): on the thirtieth day after the date of deposit");
    }

    @Test
    void crpdEntersIntoForceOnTheThirtiethDayAfterDeposit() {
        // kazakhstan.json: deposit 21 Apr 2015, EIF 21 May 2015 (both stated)
        depositGives("CRPD", ConsentAction.RATIFICATION, "2015-04-21", "2015-05-21",
                "CRPD art. 45(2): on the thirtieth day after the date of deposit");
    }

    @Test
    void cedEntersIntoForceOnItsGeneralDateForAStateThatDepositedBefore() {
        // kazakhstan.json: deposit 27 Feb 2009, before CPED's own entry into force on 23 Dec 2010 (art. 39(1))
        depositGives("CED", ConsentAction.RATIFICATION, "2009-02-27", "2010-12-23",
                "CPED general entry into force (deposit before the instrument entered into force)");
    }

    @Test
    void cedEntersIntoForceOnTheThirtiethDayForALaterDeposit() {
        depositGives("CPED", ConsentAction.ACCESSION, "2011-02-27", "2011-03-29",
                "CPED art. 39(2): on the thirtieth day after the date of deposit");
    }

    @Test
    void icmwEntersIntoForceOnTheFirstDayOfTheMonthAfterThreeMonths() {
        depositGives("ICMW", ConsentAction.ACCESSION, "2005-01-15", "2005-05-01",
                "ICMW art. 87(2): on the first day of the month following a period of three months after the date of deposit");
    }

    @Test
    void icmwGivesAnExactDateEvenWhenOnlyTheMonthOfDepositIsKnown() {
        // every day of January 2005 gives 1 May 2005
        depositGives("ICMW", ConsentAction.ACCESSION, "2005-01", "2005-05-01",
                "ICMW art. 87(2): on the first day of the month following a period of three months after the date of deposit");
    }

    @Test
    void opacEntersIntoForceOneMonthAfterDeposit() {
        depositGives("OPAC", ConsentAction.RATIFICATION, "2003-04-10", "2003-05-10",
                "OPAC art. 10(2): one month after the date of deposit");
    }

    @Test
    void opscEntersIntoForceOneMonthAfterDepositButNotBeforeItsOwnEntryIntoForce() {
        // OPSC entered into force generally on 18 Jan 2002; the one-month rule alone would give 10 Jan 2002
        depositGives("OPSC", ConsentAction.RATIFICATION, "2001-12-10", "2002-01-18",
                "OPSC general entry into force (deposit before the instrument entered into force)");
        depositGives("OPSC", ConsentAction.RATIFICATION, "2002-08-24", "2002-09-24",
                "OPSC art. 14(2): one month after the date of deposit");
    }

    @Test
    void aDepositKnownToTheMonthGivesAnEntryIntoForceKnownToTheMonthWhenTheRuleAllows() {
        // any day of January 2006 plus three months falls in April 2006
        depositGives("ICCPR", ConsentAction.RATIFICATION, "2006-01", "2006-04",
                "ICCPR art. 49(2): three months after the date of deposit (deposit known to the month)");
    }

    @Test
    void catDepositKnownOnlyToTheMonthGivesAnEntryIntoForceKnownToTheYear() {
        // kazakhstan.json: CAT accession "1998-08" (month). 30 days later falls between 31 Aug and 30 Sep 1998:
        // two months, one year, so the registry records 1998 and no more (initial report "due 1999" follows)
        depositGives("CAT", ConsentAction.ACCESSION, "1998-08", "1998",
                "CAT art. 27(2): on the thirtieth day after the date of deposit (deposit known to the month)");
    }

    @Test
    void aDepositKnownToTheYearWhoseEntryIntoForceStraddlesTwoYearsGivesNoDate() {
        // kazakhstan.json: CRC ratification "1994" (year). Thirty days after a day of 1994 may fall in 1995
        depositGives("CRC", ConsentAction.RATIFICATION, "1994", null,
                "undetermined: deposit known only to the year and the rule gives dates in two years;"
                        + " record the entry into force stated by a source");
    }

    @Test
    void aDepositKnownToTheMonthOfDecemberStraddlesTwoYearsAndGivesNoDate() {
        depositGives("CAT", ConsentAction.ACCESSION, "1998-12", null,
                "undetermined: deposit known only to the month and the rule gives dates in two years;"
                        + " record the entry into force stated by a source");
    }

    @Test
    void aDepositKnownToTheYearBeforeTheTreatyEnteredIntoForceGivesItsGeneralDate() {
        // any deposit in 2009 precedes CPED's 23 Dec 2010 entry into force
        depositGives("CPED", ConsentAction.RATIFICATION, "2009", "2010-12-23",
                "CPED general entry into force (deposit before the instrument entered into force)");
    }

    @Test
    void aStatedEntryIntoForceIsTakenAsStatedAndCitesItsSource() {
        EntryIntoForce eif = EntryIntoForce.of(TreatyCatalogue.instrument(InstrumentCode.of("CRC")), d("1994"), d("1994-09"), "CRC/C/41/Add.13");

        assertThat(eif.date()).isEqualTo(d("1994-09"));
        assertThat(eif.date().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(eif.basis()).isEqualTo("stated by CRC/C/41/Add.13");
        assertThat(EntryIntoForce.of(TreatyCatalogue.instrument(InstrumentCode.of("CRC")), null, d("1994-09"), null).basis())
                .isEqualTo("stated by the recorded source");
    }

    @Test
    void withoutDepositOrStatementThereIsNoEntryIntoForce() {
        EntryIntoForce eif = EntryIntoForce.of(TreatyCatalogue.instrument(InstrumentCode.of("CEDAW")), null, null, null);

        assertThat(eif.date()).isNull();
        assertThat(eif.basis()).isEqualTo("unknown: no deposit date recorded");
    }
}
