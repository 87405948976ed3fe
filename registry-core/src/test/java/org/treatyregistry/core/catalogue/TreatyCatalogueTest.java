package org.treatyregistry.core.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.treatyregistry.core.shared.ErrorKind;
import org.treatyregistry.core.shared.Json;
import org.treatyregistry.core.shared.RegistryException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TreatyCatalogueTest {

    @Test
    void holdsTheEighteenCoreInstrumentsAndTheTenTreatyBodies() {
        assertThat(TreatyCatalogue.instruments()).hasSize(18)
                .extracting(i -> i.code().value())
                .containsExactlyInAnyOrderElementsOf(InstrumentCode.CANONICAL);
        assertThat(TreatyCatalogue.bodies()).hasSize(10)
                .extracting(TreatyBodyCode::value)
                .containsExactlyInAnyOrderElementsOf(TreatyBodyCode.CODES);
        assertThat(TreatyCatalogue.bodies()).allSatisfy(b -> assertThat(TreatyCatalogue.bodyName(b)).isNotBlank());
        assertThat(TreatyCatalogue.bodyName(TreatyBodyCode.of("CCPR"))).isEqualTo("Human Rights Committee");
    }

    @Test
    void everyInstrumentIsOpenedForSignatureBeforeItEntersIntoForceAndIsMonitoredByAKnownBody() {
        assertThat(TreatyCatalogue.instruments()).allSatisfy(i -> {
            assertThat(i.openedForSignature()).isBefore(i.generalEntryIntoForce());
            assertThat(TreatyCatalogue.bodies()).contains(i.body());
            assertThat(i.entryIntoForceArticle()).startsWith("art. ");
            assertThat(i.reporting()).isNotNull();
        });
        assertThat(TreatyCatalogue.monitoredBy(TreatyBodyCode.of("CRC"))).extracting(i -> i.code().value())
                .containsExactly("CRC", "OPAC", "OPSC", "OPIC");
    }

    @Test
    void instrumentsWithReportsOfTheirOwnHaveAnInitialPeriodAndACitedArticle() {
        assertThat(TreatyCatalogue.instruments()).filteredOn(i -> i.reporting().opensObligation())
                .extracting(i -> i.code().value())
                .containsExactlyInAnyOrder("ICERD", "ICESCR", "ICCPR", "CEDAW", "CAT", "CRC", "OPAC", "OPSC", "ICMW", "CRPD", "CPED")
                .hasSize(11);
        assertThat(TreatyCatalogue.instruments()).filteredOn(i -> i.reporting().opensObligation())
                .allSatisfy(i -> {
                    assertThat(i.reporting().initialYears()).isIn(1, 2);
                    assertThat(i.reporting().article()).isNotBlank();
                });
    }

    @ParameterizedTest
    @CsvSource({
            "ICERD, 1, 2", "ICESCR, 2, 5", "ICCPR, 1, ", "CEDAW, 1, 4", "CAT, 1, 4", "CRC, 2, 5", "ICMW, 1, 5",
            "CRPD, 2, 4", "CPED, 2, "})
    void reportingPeriodsFollowTheTreatyArticles(String code, int initialYears, Integer periodicYears) {
        ReportingRule rule = TreatyCatalogue.instrument(InstrumentCode.of(code)).reporting();

        assertThat(rule.kind()).isEqualTo(ReportingRule.Kind.OWN_REPORTS);
        assertThat(rule.initialYears()).isEqualTo(initialYears);
        assertThat(rule.periodicYears()).isEqualTo(periodicYears);
        assertThat(rule.hasPeriodicReports()).isEqualTo(periodicYears != null);
    }

    @Test
    void protocolsFoldTheirReportingIntoTheParentTreaty() {
        ReportingRule opac = TreatyCatalogue.instrument(InstrumentCode.of("OPAC")).reporting();
        ReportingRule op2 = TreatyCatalogue.instrument(InstrumentCode.of("ICCPR-OP2")).reporting();
        ReportingRule opcat = TreatyCatalogue.instrument(InstrumentCode.of("OP-CAT")).reporting();

        assertThat(opac.kind()).isEqualTo(ReportingRule.Kind.INITIAL_THEN_PARENT);
        assertThat(opac.parent()).isEqualTo(InstrumentCode.of("CRC"));
        assertThat(opac.initialYears()).isEqualTo(2);
        assertThat(opac.opensObligation()).isTrue();
        assertThat(opac.hasPeriodicReports()).isFalse();
        assertThat(op2.kind()).isEqualTo(ReportingRule.Kind.IN_PARENT_REPORTS);
        assertThat(op2.parent()).isEqualTo(InstrumentCode.of("ICCPR"));
        assertThat(op2.opensObligation()).isFalse();
        assertThat(opcat.kind()).isEqualTo(ReportingRule.Kind.NONE);
        assertThat(opcat.opensObligation()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // rules.md section 0, with the real Kazakh dates where they exist
            "THIRTIETH_DAY_AFTER_DEPOSIT, 1998-08-26, 1998-09-25",           // ICERD
            "THIRTIETH_DAY_AFTER_DEPOSIT, 2015-04-21, 2015-05-21",           // CRPD
            "THREE_MONTHS_AFTER_DEPOSIT, 2006-01-24, 2006-04-24",            // ICCPR
            "THREE_MONTHS_AFTER_DEPOSIT, 2022-03-24, 2022-06-24",            // ICCPR-OP2
            "THREE_MONTHS_AFTER_DEPOSIT, 2005-11-30, 2006-02-28",            // end of month: the last day of the shorter month
            "ONE_MONTH_AFTER_DEPOSIT, 2003-04-10, 2003-05-10",
            "ONE_MONTH_AFTER_DEPOSIT, 2003-01-31, 2003-02-28",
            "FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS, 2005-01-15, 2005-05-01", // ICMW art. 87(2)
            "FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS, 2005-01-01, 2005-05-01",
            "FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS, 2005-01-31, 2005-05-01",
            "FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS, 2005-10-20, 2006-02-01"})
    void entryIntoForceRulesComputeTheTreatyWording(EntryIntoForceRule rule, LocalDate deposit, LocalDate expected) {
        assertThat(rule.apply(deposit)).isEqualTo(expected);
        assertThat(rule.wording()).isNotBlank();
    }

    @Test
    void aStateThatDepositsBeforeTheTreatyEntersIntoForceIsBoundFromItsGeneralEntryIntoForce() {
        InstrumentDefinition cped = TreatyCatalogue.instrument(InstrumentCode.of("CED"));

        assertThat(cped.generalEntryIntoForce()).isEqualTo(LocalDate.of(2010, 12, 23));
        assertThat(cped.entryIntoForceFor(LocalDate.of(2009, 2, 27))).isEqualTo(LocalDate.of(2010, 12, 23));
        assertThat(cped.entryIntoForceFor(LocalDate.of(2011, 2, 27))).isEqualTo(LocalDate.of(2011, 3, 29));
        assertThat(cped.entryIntoForceCitation()).isEqualTo("CPED art. 39(2)");
    }

    @Test
    void acceptsCommonSpellingsOfAnInstrumentAndStoresTheCanonicalCode() {
        assertThat(InstrumentCode.of("CED")).isEqualTo(InstrumentCode.of("CPED"));
        assertThat(InstrumentCode.of(" crc-opac ").value()).isEqualTo("OPAC");
        assertThat(InstrumentCode.of("CEDAW-OP").value()).isEqualTo("OP-CEDAW");
        assertThat(InstrumentCode.of("ICRMW").value()).isEqualTo("ICMW");
        assertThat(InstrumentCode.of("iccpr").value()).isEqualTo("ICCPR");
    }

    @Test
    void refusesAnUnknownInstrumentCode() {
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> InstrumentCode.of("ICCPR-OP3"));

        assertThat(e.errorCode()).isEqualTo("UNKNOWN_INSTRUMENT");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
        assertThat(e.field()).isEqualTo("instrument");
        assertThat(e.getMessage()).startsWith("'ICCPR-OP3' is not a known instrument; use one of CAT, CEDAW, CPED");
        assertThat(catchThrowableOfType(RegistryException.class, () -> InstrumentCode.of(null)).errorCode())
                .isEqualTo("UNKNOWN_INSTRUMENT");
        assertThat(catchThrowableOfType(RegistryException.class, () -> new InstrumentCode("CED")).errorCode())
                .as("the canonical constructor takes only canonical codes").isEqualTo("UNKNOWN_INSTRUMENT");
    }

    @Test
    void refusesAnUnknownTreatyBody() {
        RegistryException e = catchThrowableOfType(RegistryException.class, () -> TreatyBodyCode.of("HRC"));

        assertThat(e.errorCode()).isEqualTo("UNKNOWN_TREATY_BODY");
        assertThat(e.field()).isEqualTo("body");
        assertThat(TreatyBodyCode.of(" ccpr ").value()).isEqualTo("CCPR");
    }

    @Test
    void codesAreWrittenAsBareStringsInJsonAndAliasesAreReadAsCanonical() throws Exception {
        assertThat(Json.write(InstrumentCode.of("CED"))).isEqualTo("\"CPED\"");
        assertThat(Json.mapper().readValue("\"CRC-OPSC\"", InstrumentCode.class)).isEqualTo(InstrumentCode.of("OPSC"));
        assertThat(Json.mapper().readValue("\"CAT\"", TreatyBodyCode.class)).isEqualTo(TreatyBodyCode.of("CAT"));
        assertThatThrownBy(() -> Json.mapper().readValue("\"XYZ\"", InstrumentCode.class))
                .hasRootCauseInstanceOf(RegistryException.class)
                .hasStackTraceContaining("is not a known instrument");
    }

    @Test
    void everyMechanismRestsOnAnInstrumentOfItsBody() {
        assertThat(TreatyCatalogue.mechanisms()).hasSize(24).allSatisfy(m -> {
            InstrumentDefinition instrument = TreatyCatalogue.instrument(m.instrument());
            assertThat(instrument).as(m.citation()).isNotNull();
            assertThat(instrument.body()).as(m.citation()).isEqualTo(m.body());
            assertThat(m.optOutArticle() != null).as(m.citation())
                    .isEqualTo(m.mode() == AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT);
        });
    }

    @Test
    void findsAMechanismWithItsLegalBasis() {
        CompetenceMechanism catArt22 = TreatyCatalogue.requireMechanism(TreatyBodyCode.of("CAT"), MechanismType.INDIVIDUAL_COMMUNICATIONS);
        CompetenceMechanism catInquiry = TreatyCatalogue.requireMechanism(TreatyBodyCode.of("CAT"), MechanismType.INQUIRY);

        assertThat(catArt22.citation()).isEqualTo("CAT art. 22");
        assertThat(catArt22.mode()).isEqualTo(AcceptanceMode.DECLARATION);
        assertThat(catInquiry.mode()).isEqualTo(AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT);
        assertThat(catInquiry.optOutArticle()).isEqualTo("art. 28");
        assertThat(TreatyCatalogue.mechanism(TreatyBodyCode.of("CCPR"), MechanismType.INDIVIDUAL_COMMUNICATIONS))
                .map(CompetenceMechanism::citation).contains("ICCPR-OP1 art. 1");
        assertThat(TreatyCatalogue.mechanismsOf(TreatyBodyCode.of("CED"))).hasSize(4);
    }

    @Test
    void refusesAMechanismTheBodyDoesNotHave() {
        RegistryException e = catchThrowableOfType(RegistryException.class,
                () -> TreatyCatalogue.requireMechanism(TreatyBodyCode.of("CCPR"), MechanismType.INQUIRY));

        assertThat(e.errorCode()).isEqualTo("NO_SUCH_MECHANISM");
        assertThat(e.field()).isEqualTo("mechanism");
        assertThat(e.getMessage()).isEqualTo("CCPR has no INQUIRY procedure; it has [INDIVIDUAL_COMMUNICATIONS, INTER_STATE_COMMUNICATIONS]");
        assertThat(TreatyCatalogue.mechanism(TreatyBodyCode.of("SPT"), MechanismType.INDIVIDUAL_COMMUNICATIONS)).isEmpty();
    }
}
