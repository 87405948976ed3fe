package org.treatyregistry.core.catalogue;

import org.treatyregistry.core.shared.RegistryException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.treatyregistry.core.catalogue.AcceptanceMode.AUTOMATIC;
import static org.treatyregistry.core.catalogue.AcceptanceMode.AUTOMATIC_UNLESS_OPTED_OUT;
import static org.treatyregistry.core.catalogue.AcceptanceMode.DECLARATION;
import static org.treatyregistry.core.catalogue.AcceptanceMode.PROTOCOL_RATIFICATION;
import static org.treatyregistry.core.catalogue.EntryIntoForceRule.FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS;
import static org.treatyregistry.core.catalogue.EntryIntoForceRule.ONE_MONTH_AFTER_DEPOSIT;
import static org.treatyregistry.core.catalogue.EntryIntoForceRule.THIRTIETH_DAY_AFTER_DEPOSIT;
import static org.treatyregistry.core.catalogue.EntryIntoForceRule.THREE_MONTHS_AFTER_DEPOSIT;
import static org.treatyregistry.core.catalogue.MechanismType.INDIVIDUAL_COMMUNICATIONS;
import static org.treatyregistry.core.catalogue.MechanismType.INQUIRY;
import static org.treatyregistry.core.catalogue.MechanismType.INTER_STATE_COMMUNICATIONS;
import static org.treatyregistry.core.catalogue.MechanismType.URGENT_ACTION;
import static org.treatyregistry.core.catalogue.MechanismType.VISITS;

/**
 * The 18 core instruments, the 10 treaty bodies, and the rules that bind a state party: entry into force,
 * reporting, and the competence mechanisms. Articles are cited so that every computed date can show its basis.
 * Rules come from shared/domain/rules.md; dates of opening for signature and general entry into force are those of
 * the UN Treaty Collection (see docs/catalogue.md for what was and was not re-verified).
 */
public final class TreatyCatalogue {

    private static final Map<String, InstrumentDefinition> INSTRUMENTS = new LinkedHashMap<>();
    private static final Map<String, String> BODY_NAMES = new LinkedHashMap<>();
    private static final List<CompetenceMechanism> MECHANISMS;

    static {
        body("CERD", "Committee on the Elimination of Racial Discrimination");
        body("CESCR", "Committee on Economic, Social and Cultural Rights");
        body("CCPR", "Human Rights Committee");
        body("CEDAW", "Committee on the Elimination of Discrimination against Women");
        body("CAT", "Committee against Torture");
        body("SPT", "Subcommittee on Prevention of Torture");
        body("CRC", "Committee on the Rights of the Child");
        body("CMW", "Committee on Migrant Workers");
        body("CRPD", "Committee on the Rights of Persons with Disabilities");
        body("CED", "Committee on Enforced Disappearances");

        instrument("ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination", "CERD",
                "1966-03-07", "1969-01-04", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 19(2)",
                ReportingRule.own(1, 2, "ICERD art. 9(1)",
                        "The Committee sets the next date in its concluding observations and lets states combine reports"));
        instrument("ICESCR", "International Covenant on Economic, Social and Cultural Rights", "CESCR",
                "1966-12-19", "1976-01-03", THREE_MONTHS_AFTER_DEPOSIT, "art. 27(2)",
                ReportingRule.own(2, 5, "ICESCR arts. 16-17 and ECOSOC res. 1988/4",
                        "Periods set by ECOSOC res. 1988/4 [P]; the Committee sets the next date in its concluding observations"));
        instrument("OP-ICESCR", "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights", "CESCR",
                "2009-09-24", "2013-05-05", THREE_MONTHS_AFTER_DEPOSIT, "art. 18(2)",
                ReportingRule.none("Communications protocol: no reports"));
        instrument("ICCPR", "International Covenant on Civil and Political Rights", "CCPR",
                "1966-12-19", "1976-03-23", THREE_MONTHS_AFTER_DEPOSIT, "art. 49(2)",
                ReportingRule.own(1, null, "ICCPR art. 40(1)",
                        "After the initial report, reports are due whenever the Committee requests; it sets the date in its concluding observations"));
        instrument("ICCPR-OP1", "Optional Protocol to the International Covenant on Civil and Political Rights", "CCPR",
                "1966-12-19", "1976-03-23", THREE_MONTHS_AFTER_DEPOSIT, "art. 9(2)",
                ReportingRule.none("Communications protocol: no reports"));
        instrument("ICCPR-OP2", "Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty", "CCPR",
                "1989-12-15", "1991-07-11", THREE_MONTHS_AFTER_DEPOSIT, "art. 8(2)",
                ReportingRule.inParent("ICCPR-OP2 art. 3", "ICCPR"));
        instrument("CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW",
                "1980-03-01", "1981-09-03", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 27(2)",
                ReportingRule.own(1, 4, "CEDAW art. 18(1)",
                        "The Committee sets the next date in its concluding observations, often for a combined report"));
        instrument("OP-CEDAW", "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women", "CEDAW",
                "1999-12-10", "2000-12-22", THREE_MONTHS_AFTER_DEPOSIT, "art. 16(2)",
                ReportingRule.none("Communications and inquiry protocol: no reports"));
        instrument("CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", "CAT",
                "1985-02-04", "1987-06-26", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 27(2)",
                ReportingRule.own(1, 4, "CAT art. 19(1)",
                        "Optional reporting procedure: the state's replies to a list of issues prior to reporting are its report"));
        instrument("OP-CAT", "Optional Protocol to the Convention against Torture", "SPT",
                "2003-02-04", "2006-06-22", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 28(2)",
                ReportingRule.none("No periodic reports: SPT country visits instead"));
        instrument("CRC", "Convention on the Rights of the Child", "CRC",
                "1990-01-26", "1990-09-02", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 49(2)",
                ReportingRule.own(2, 5, "CRC art. 44(1)",
                        "Five-year steps are counted from the previous due date; combined reports carry the later due date"));
        instrument("OPAC", "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict", "CRC",
                "2000-06-05", "2002-02-12", ONE_MONTH_AFTER_DEPOSIT, "art. 10(2)",
                ReportingRule.initialThenParent(2, "OPAC art. 8(1)-(2)", "CRC"));
        instrument("OPSC", "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography", "CRC",
                "2000-06-05", "2002-01-18", ONE_MONTH_AFTER_DEPOSIT, "art. 14(2)",
                ReportingRule.initialThenParent(2, "OPSC art. 12(1)-(2)", "CRC"));
        instrument("OPIC", "Optional Protocol to the Convention on the Rights of the Child on a communications procedure", "CRC",
                "2012-02-28", "2014-04-14", THREE_MONTHS_AFTER_DEPOSIT, "art. 19(2)",
                ReportingRule.none("Communications protocol: no reports"));
        instrument("ICMW", "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", "CMW",
                "1990-12-18", "2003-07-01", FIRST_DAY_OF_MONTH_AFTER_THREE_MONTHS, "art. 87(2)",
                ReportingRule.own(1, 5, "ICMW art. 73(1)", null));
        instrument("CRPD", "Convention on the Rights of Persons with Disabilities", "CRPD",
                "2007-03-30", "2008-05-03", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 45(2)",
                ReportingRule.own(2, 4, "CRPD art. 35(1)-(2)",
                        "The Committee requests combined reports on an entry-into-force anniversary and invites the simplified procedure"));
        instrument("OP-CRPD", "Optional Protocol to the Convention on the Rights of Persons with Disabilities", "CRPD",
                "2007-03-30", "2008-05-03", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 13(2)",
                ReportingRule.none("Communications and inquiry protocol: no reports"));
        instrument("CPED", "International Convention for the Protection of All Persons from Enforced Disappearance", "CED",
                "2007-02-06", "2010-12-23", THIRTIETH_DAY_AFTER_DEPOSIT, "art. 39(2)",
                ReportingRule.onceThenOnRequest(2, "CPED art. 29(1)",
                        "One report only; the Committee may then request additional information (art. 29(4))",
                        "additional information under CPED art. 29(4),"));

        MECHANISMS = List.of(
                mechanism("CERD", INDIVIDUAL_COMMUNICATIONS, "ICERD", "art. 14", DECLARATION, null),
                mechanism("CERD", INTER_STATE_COMMUNICATIONS, "ICERD", "art. 11", AUTOMATIC, null),
                mechanism("CESCR", INDIVIDUAL_COMMUNICATIONS, "OP-ICESCR", "art. 2", PROTOCOL_RATIFICATION, null),
                mechanism("CESCR", INTER_STATE_COMMUNICATIONS, "OP-ICESCR", "art. 10", DECLARATION, null),
                mechanism("CESCR", INQUIRY, "OP-ICESCR", "art. 11", DECLARATION, null),
                mechanism("CCPR", INDIVIDUAL_COMMUNICATIONS, "ICCPR-OP1", "art. 1", PROTOCOL_RATIFICATION, null),
                mechanism("CCPR", INTER_STATE_COMMUNICATIONS, "ICCPR", "art. 41", DECLARATION, null),
                mechanism("CEDAW", INDIVIDUAL_COMMUNICATIONS, "OP-CEDAW", "art. 2", PROTOCOL_RATIFICATION, null),
                mechanism("CEDAW", INQUIRY, "OP-CEDAW", "art. 8", AUTOMATIC_UNLESS_OPTED_OUT, "art. 10"),
                mechanism("CAT", INDIVIDUAL_COMMUNICATIONS, "CAT", "art. 22", DECLARATION, null),
                mechanism("CAT", INTER_STATE_COMMUNICATIONS, "CAT", "art. 21", DECLARATION, null),
                mechanism("CAT", INQUIRY, "CAT", "art. 20", AUTOMATIC_UNLESS_OPTED_OUT, "art. 28"),
                mechanism("SPT", VISITS, "OP-CAT", "art. 11", AUTOMATIC, null),
                mechanism("CRC", INDIVIDUAL_COMMUNICATIONS, "OPIC", "art. 5", PROTOCOL_RATIFICATION, null),
                mechanism("CRC", INTER_STATE_COMMUNICATIONS, "OPIC", "art. 12", DECLARATION, null),
                mechanism("CRC", INQUIRY, "OPIC", "art. 13", AUTOMATIC_UNLESS_OPTED_OUT, "art. 13(7)"),
                mechanism("CMW", INDIVIDUAL_COMMUNICATIONS, "ICMW", "art. 77", DECLARATION, null),
                mechanism("CMW", INTER_STATE_COMMUNICATIONS, "ICMW", "art. 76", DECLARATION, null),
                mechanism("CRPD", INDIVIDUAL_COMMUNICATIONS, "OP-CRPD", "art. 1", PROTOCOL_RATIFICATION, null),
                mechanism("CRPD", INQUIRY, "OP-CRPD", "art. 6", AUTOMATIC_UNLESS_OPTED_OUT, "art. 8"),
                mechanism("CED", INDIVIDUAL_COMMUNICATIONS, "CPED", "art. 31", DECLARATION, null),
                mechanism("CED", INTER_STATE_COMMUNICATIONS, "CPED", "art. 32", DECLARATION, null),
                mechanism("CED", URGENT_ACTION, "CPED", "art. 30", AUTOMATIC, null),
                mechanism("CED", VISITS, "CPED", "art. 33", AUTOMATIC, null));
    }

    private TreatyCatalogue() {
    }

    public static InstrumentDefinition instrument(InstrumentCode code) {
        return INSTRUMENTS.get(code.value());
    }

    public static Collection<InstrumentDefinition> instruments() {
        return INSTRUMENTS.values();
    }

    public static String bodyName(TreatyBodyCode body) {
        return BODY_NAMES.get(body.value());
    }

    public static List<TreatyBodyCode> bodies() {
        return BODY_NAMES.keySet().stream().map(TreatyBodyCode::of).toList();
    }

    public static List<InstrumentDefinition> monitoredBy(TreatyBodyCode body) {
        return INSTRUMENTS.values().stream().filter(i -> i.body().equals(body)).toList();
    }

    public static List<CompetenceMechanism> mechanisms() {
        return MECHANISMS;
    }

    public static List<CompetenceMechanism> mechanismsOf(TreatyBodyCode body) {
        return MECHANISMS.stream().filter(m -> m.body().equals(body)).toList();
    }

    public static Optional<CompetenceMechanism> mechanism(TreatyBodyCode body, MechanismType type) {
        return MECHANISMS.stream().filter(m -> m.body().equals(body) && m.type() == type).findFirst();
    }

    /** The mechanism, or a domain error naming the field when the body has no such procedure. */
    public static CompetenceMechanism requireMechanism(TreatyBodyCode body, MechanismType type) {
        return mechanism(body, type).orElseThrow(() -> RegistryException.invalid("NO_SUCH_MECHANISM", "mechanism",
                body + " has no " + type + " procedure; it has " + mechanismsOf(body).stream().map(m -> m.type().name()).toList()));
    }

    private static void body(String code, String name) {
        BODY_NAMES.put(code, name);
    }

    private static void instrument(String code, String title, String body, String opened, String generalEif,
                                   EntryIntoForceRule rule, String eifArticle, ReportingRule reporting) {
        INSTRUMENTS.put(code, new InstrumentDefinition(InstrumentCode.of(code), title, TreatyBodyCode.of(body),
                LocalDate.parse(opened), LocalDate.parse(generalEif), rule, eifArticle, reporting));
    }

    private static CompetenceMechanism mechanism(String body, MechanismType type, String instrument, String article,
                                                 AcceptanceMode mode, String optOut) {
        return new CompetenceMechanism(TreatyBodyCode.of(body), type, InstrumentCode.of(instrument), article, mode, optOut);
    }
}
