package org.treatyregistry.api.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Req;

import java.util.stream.Stream;

/** Codes the registry does not know, dates that do not exist, and dates the treaty law rules out. */
class CodesAndDatesTest extends BadInputSuite {

    private static final String SIGN_CAT = "/api/states/FRA/participations/CAT/signature";

    static Stream<Case> unknownCodes() {
        return Stream.of(
                refuse("unknown state", Req.post("/api/states/ZZZ/participations/CAT/signature", "{\"signedOn\":\"1990-01-01\"}"), 400, "UNKNOWN_STATE", "state"),
                refuse("former state code (USSR)", Req.post("/api/states/SUN/participations/CAT/signature", "{\"signedOn\":\"1990-01-01\"}"), 400, "UNKNOWN_STATE", "state"),
                refuse("two-letter state code", Req.post("/api/states/FR/participations/CAT/signature", "{\"signedOn\":\"1990-01-01\"}"), 400, "UNKNOWN_STATE", "state"),
                refuse("unknown state in a UPR record", Req.post("/api/states/XKX/upr/reviews", "{\"cycle\":1,\"reviewedOn\":\"2010-01-01\"}"), 400, "UNKNOWN_STATE", "state"),
                refuse("unknown instrument", Req.post("/api/states/FRA/participations/NOPE/signature", "{\"signedOn\":\"1990-01-01\"}"), 400, "UNKNOWN_INSTRUMENT", "instrument"),
                refuse("unknown instrument of an obligation", Req.post("/api/states/KAZ/obligations/UDHR/reports",
                        "{\"symbol\":\"X/1\",\"receivedOn\":\"2020-01-01\",\"covers\":{\"from\":1,\"to\":1}}"), 400, "UNKNOWN_INSTRUMENT", "instrument"),
                refuse("unknown treaty body", Req.post("/api/states/FRA/competences/UNICEF/INDIVIDUAL_COMMUNICATIONS/recognition", "{}"), 400, "UNKNOWN_TREATY_BODY", "body"),
                refuse("unknown mechanism", Req.post("/api/states/FRA/competences/CAT/TELEPATHY/recognition", "{}"), 400, "INVALID_VALUE", "mechanism"),
                refuse("mechanism the body does not have", Req.post("/api/states/KAZ/competences/CRC/VISITS/recognition", "{}"), 400, "NO_SUCH_MECHANISM", "mechanism"),
                refuse("unknown action", Req.post("/api/states/FRA/participations/CAT/ratification", "{\"action\":\"ADOPTION\",\"depositedOn\":\"1986-02-18\"}"), 400, "INVALID_VALUE", "action"),
                refuse("unknown reservation kind", Req.post("/api/states/KAZ/participations/CRPD/reservations",
                        "{\"reference\":\"r\",\"kind\":\"OBJECTION\",\"madeOn\":\"2015-02-21\"}"), 400, "INVALID_VALUE", "kind"),
                refuse("unknown procedure", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5},\"procedure\":\"EXPRESS\"}"), 400, "INVALID_VALUE", "procedure"),
                refuse("unknown schedule item", Req.post("/api/states/KAZ/obligations/CRPD/due-date-revisions",
                        "{\"itemId\":\"report:99\",\"newDue\":\"2040-01-01\",\"reason\":\"extension\"}"), 404, "ITEM_NOT_FOUND", "itemId"),
                refuse("unknown reservation to withdraw", Req.post("/api/states/KAZ/participations/CRPD/reservation-withdrawals",
                        "{\"reference\":\"no such reservation\",\"withdrawnOn\":\"2020-01-01\"}"), 404, "RESERVATION_NOT_FOUND", "reference"),
                refuse("unknown status filter", Req.get("/api/calendar?status=LATE"), 400, "INVALID_VALUE", "status"),
                refuse("unknown body filter in the ICS feed", Req.get("/api/states/KAZ/calendar.ics?body=UNICEF"), 400, "UNKNOWN_TREATY_BODY", "body"),
                refuse("unknown kind filter in the ICS feed", Req.get("/api/states/KAZ/calendar.ics?kind=MEETING"), 400, "INVALID_VALUE", "kind"),
                refuse("unknown state in the CSV export", Req.get("/api/states/QQQ/history.csv"), 400, "UNKNOWN_STATE", "state"));
    }

    static Stream<Case> impossibleDates() {
        return Stream.of(
                date("2023-02-29 (not a leap year)", "2023-02-29"),
                date("2024-13-01 (month 13)", "2024-13-01"),
                date("2024-06-31 (June has 30 days)", "2024-06-31"),
                date("2024-00 (month 0)", "2024-00"),
                date("99999-01-01 (five-digit year)", "99999-01-01"),
                date("-2024-01-01 (negative year)", "-2024-01-01"),
                date("+2024-01-01 (signed year)", "+2024-01-01"),
                date("2024-1-5 (unpadded)", "2024-1-5"),
                date("05/01/2024 (US form)", "05/01/2024"),
                date("2024-01-05T00:00 (date-time)", "2024-01-05T00:00"),
                date("yesterday", "yesterday"),
                date("empty string", ""),
                refuse("0000-01-01 (year zero; before the treaty opened)", Req.post(SIGN_CAT, "{\"signedOn\":\"0000-01-01\"}"), 400, "DATE_BEFORE_OPENING", "signedOn"),
                refuse("0000 (year zero, year precision)", Req.post("/api/states/FRA/participations/CAT/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"0000\"}"), 400, "DATE_BEFORE_OPENING", "depositedOn"),
                refuse("impossible date in a nested due date", Req.post("/api/states/KAZ/obligations/CRPD/concluding-observations",
                        "{\"symbol\":\"CRPD/C/KAZ/CO/9\",\"adoptedOn\":\"2024-01-01\",\"reviewSession\":\"x\",\"nextReport\":{\"covers\":{\"from\":5,\"to\":5},\"due\":\"2030-02-30\"}}"),
                        400, "INVALID_VALUE", "nextReport.due"),
                refuse("impossible date in a follow-up request", Req.post("/api/states/KAZ/obligations/CRPD/concluding-observations",
                        "{\"symbol\":\"CRPD/C/KAZ/CO/9\",\"adoptedOn\":\"2024-01-01\",\"reviewSession\":\"x\",\"followUp\":[{\"paragraphs\":\"10\",\"due\":\"2025-13-01\"}]}"),
                        400, "INVALID_VALUE", "followUp[0].due"),
                refuse("impossible date in a query", Req.get("/api/states/KAZ/calendar?asOf=2023-02-29"), 400, "INVALID_VALUE", "asOf"),
                refuse("'yesterday' in a query", Req.get("/api/calendar?asOf=yesterday"), 400, "INVALID_VALUE", "asOf"),
                refuse("five-digit year in a query", Req.get("/api/states/KAZ/calendar.csv?dueFrom=99999-01-01"), 400, "INVALID_VALUE", "dueFrom"),
                refuse("not an instant in recordedAt", Req.get("/api/states/KAZ/history?recordedAt=2024-01-01"), 400, "INVALID_VALUE", "recordedAt"));
    }

    static Stream<Case> datesTheLawRulesOut() {
        return Stream.of(
                refuse("deposit before the treaty opened (CRC, 1989)", Req.post("/api/states/ITA/participations/CRC/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1989-01-01\"}"), 400, "DATE_BEFORE_OPENING", "depositedOn"),
                refuse("deposit before the treaty opened (CRPD, 2006)", Req.post("/api/states/ITA/participations/CRPD/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2006-01-01\"}"), 400, "DATE_BEFORE_OPENING", "depositedOn"),
                refuse("signature before the treaty opened", Req.post("/api/states/ITA/participations/CPED/signature", "{\"signedOn\":\"2006-12-19\"}"), 400, "DATE_BEFORE_OPENING", "signedOn"),
                refuse("stated entry into force before the deposit", Req.post("/api/states/AUT/participations/CAT/ratification",
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1987-07-29\",\"statedEntryIntoForce\":\"1987-01-01\"}"), 400, "DATE_OUT_OF_ORDER", "statedEntryIntoForce"),
                refuse("report before entry into force", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/0\",\"receivedOn\":\"2015-01-01\",\"covers\":{\"from\":5,\"to\":5}}"), 409, "OBLIGATION_NOT_YET_OPEN", "receivedOn"),
                refuse("concluding observations before entry into force", Req.post("/api/states/KAZ/obligations/CRPD/concluding-observations",
                        "{\"symbol\":\"CRPD/C/KAZ/CO/0\",\"adoptedOn\":\"2010-01-01\",\"reviewSession\":\"none\"}"), 409, "OBLIGATION_NOT_YET_OPEN", "adoptedOn"),
                refuse("review ending before it starts", Req.post("/api/states/KAZ/obligations/CRPD/reviews",
                        "{\"session\":\"99th\",\"startedOn\":\"2024-03-10\",\"endedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":true}"), 400, "DATE_OUT_OF_ORDER", "endedOn"),
                refuse("denunciation effective before notification", Req.post("/api/states/KAZ/participations/ICCPR/denunciation",
                        "{\"notifiedOn\":\"2020-01-01\",\"effectiveOn\":\"2019-01-01\"}"), 400, "DATE_OUT_OF_ORDER", "effectiveOn"),
                refuse("UPR review before the UPR existed", Req.post("/api/states/KAZ/upr/reviews", "{\"cycle\":9,\"reviewedOn\":\"2007-12-31\"}"), 400, "DATE_BEFORE_OPENING", "reviewedOn"),
                refuse("UPR mid-term report before its review", Req.post("/api/states/KAZ/upr/mid-term-reports", "{\"cycle\":1,\"submittedOn\":\"2009-01-01\"}"), 400, "DATE_OUT_OF_ORDER", "submittedOn"),
                refuse("report numbered from 0", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/0\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":0,\"to\":1}}"), 400, "INVALID_COVERAGE", "covers.from"),
                refuse("coverage running backwards", Req.post("/api/states/KAZ/obligations/CRPD/reports",
                        "{\"symbol\":\"CRPD/C/KAZ/0\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":7,\"to\":5}}"), 400, "INVALID_COVERAGE", "covers.to"),
                refuse("UPR cycle 0", Req.post("/api/states/KAZ/upr/reviews", "{\"cycle\":0,\"reviewedOn\":\"2024-01-01\"}"), 400, "INVALID_CYCLE", "cycle"));
    }

    private static Case date(String name, String value) {
        return refuse(name, Req.post(SIGN_CAT, "{\"signedOn\":\"" + value + "\"}"), 400, "INVALID_VALUE", "signedOn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCodes")
    @Timeout(60)
    void unknownCodeIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleDates")
    @Timeout(60)
    void impossibleDateIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datesTheLawRulesOut")
    @Timeout(60)
    void dateTheLawRulesOutIsRefused(Case c) {
        assertRefused(c);
    }
}
