package org.treatyregistry.api.badinput;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.treatyregistry.api.badinput.Wire.Req;

import java.util.stream.Stream;

/**
 * Well-formed JSON that does not fit the record: wrong types, unknown fields, duplicate keys, null or blank where a
 * value is required. Binding is strict (CommandBinder): each is refused with the path of the field at fault.
 */
class FieldBindingTest extends BadInputSuite {

    private static final String RATIFY = "/api/states/SWE/participations/CRC/ratification";
    private static final String KAZ_REPORTS = "/api/states/KAZ/obligations/CRPD/reports";
    private static final String KAZ_REVIEWS = "/api/states/KAZ/obligations/CRPD/reviews";
    private static final String KAZ_RESERVATIONS = "/api/states/KAZ/participations/CRPD/reservations";
    private static final String KAZ_REVISIONS = "/api/states/KAZ/obligations/CRPD/due-date-revisions";
    private static final String KAZ_UPR = "/api/states/KAZ/upr/reviews";

    static Stream<Case> wrongTypes() {
        return Stream.of(
                // DEFECT: answered 201 RECORDED with reference "123" (a number is coerced to text)
                refuse("number for a string (reservation reference)", Req.post(KAZ_RESERVATIONS,
                        "{\"reference\":123,\"kind\":\"RESERVATION\",\"madeOn\":\"2015-02-21\"}"), 400, "INVALID_VALUE", "reference"),
                // DEFECT: answered 201 RECORDED with article "true"
                refuse("boolean for a string (reservation article)", Req.post(KAZ_RESERVATIONS,
                        "{\"reference\":\"art. 12 declaration\",\"kind\":\"DECLARATION\",\"article\":true,\"madeOn\":\"2015-02-21\"}"), 400, "INVALID_VALUE", "article"),
                refuse("object for a string (report symbol)", Req.post(KAZ_REPORTS,
                        "{\"symbol\":{\"en\":\"CRPD/C/KAZ/2\"},\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}"), 400, "INVALID_VALUE", "symbol"),
                refuse("array for a string (review session)", Req.post(KAZ_REVIEWS,
                        "{\"session\":[\"30th\"],\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":true}"), 400, "INVALID_VALUE", "session"),
                refuse("string for an object (source)", Req.post(RATIFY,
                        "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\",\"source\":\"C.N.1990\"}"), 400, "INVALID_VALUE", "source"),
                refuse("string for an object (coverage)", Req.post(KAZ_REPORTS,
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":\"5-5\"}"), 400, "INVALID_VALUE", "covers"),
                refuse("array for a date", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":[\"1990-06-29\"]}"), 400, "INVALID_VALUE", "depositedOn"),
                refuse("number for a date", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":19900629}"), 400, "INVALID_VALUE", "depositedOn"),
                refuse("object for a date", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":{\"year\":1990}}"), 400, "INVALID_VALUE", "depositedOn"),
                refuse("boolean for a coverage", Req.post(KAZ_REPORTS,
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":true}"), 400, "INVALID_VALUE", "covers"),
                refuse("word for a report number", Req.post(KAZ_REPORTS,
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":\"five\",\"to\":5}}"), 400, "INVALID_VALUE", "covers.from"),
                refuse("numeric string for a number (UPR cycle)", Req.post(KAZ_UPR, "{\"cycle\":\"5\",\"reviewedOn\":\"2024-01-01\"}"), 400, "INVALID_VALUE", "cycle"),
                // DEFECT: answered 201 RECORDED, stored as the 3rd report (3.5 truncated to 3)
                refuse("fraction for a report number", Req.post("/api/states/KAZ/obligations/ICESCR/reports",
                        "{\"symbol\":\"E/C.12/KAZ/3\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":3.5,\"to\":3}}"), 400, "INVALID_VALUE", "covers.from"),
                refuse("number too large for a UPR cycle", Req.post(KAZ_UPR, "{\"cycle\":99999999999,\"reviewedOn\":\"2024-01-01\"}"), 400, "INVALID_VALUE", "cycle"),
                refuse("string for a boolean", Req.post(KAZ_REVIEWS,
                        "{\"session\":\"s\",\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":\"yes\"}"), 400, "INVALID_VALUE", "inAbsenceOfReport"),
                refuse("number for a boolean", Req.post(KAZ_REVIEWS,
                        "{\"session\":\"s\",\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":1}"), 400, "INVALID_VALUE", "inAbsenceOfReport"),
                refuse("string for an array", Req.post(KAZ_REVIEWS,
                        "{\"session\":\"s\",\"startedOn\":\"2024-03-01\",\"reportSymbols\":\"CRPD/C/KAZ/1\",\"inAbsenceOfReport\":false}"), 400, "INVALID_VALUE", "reportSymbols"),
                refuse("number for an enum", Req.post(RATIFY, "{\"action\":0,\"depositedOn\":\"1990-06-29\"}"), 400, "INVALID_VALUE", "action"),
                refuse("lower-case enum", Req.post(RATIFY, "{\"action\":\"ratification\",\"depositedOn\":\"1990-06-29\"}"), 400, "INVALID_VALUE", "action"));
    }

    static Stream<Case> unknownFields() {
        return Stream.of(
                refuse("unknown top-level field", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\",\"colour\":\"blue\"}"), 400, "UNKNOWN_FIELD", "colour"),
                refuse("unknown field in source", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\",\"source\":{\"symbol\":\"x\",\"page\":3}}"), 400, "UNKNOWN_FIELD", "source.page"),
                refuse("field name in the wrong case", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"DepositedOn\":\"1990-06-29\"}"), 400, "UNKNOWN_FIELD", "DepositedOn"),
                refuse("field of another record kind", Req.post(RATIFY, "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\",\"signedOn\":\"1990-01-26\"}"), 400, "UNKNOWN_FIELD", "signedOn"),
                refuse("unknown field in the coverage", Req.post(KAZ_REPORTS,
                        "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5,\"of\":9}}"), 400, "UNKNOWN_FIELD", "covers.of"),
                refuse("state in the body contradicting the address", Req.post(RATIFY, "{\"state\":\"NOR\",\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\"}"), 400, "CONTRADICTS_PATH", "state"),
                refuse("instrument in the body contradicting the address", Req.post(RATIFY, "{\"instrument\":\"CAT\",\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-06-29\"}"), 400, "CONTRADICTS_PATH", "instrument"));
    }

    static Stream<Case> duplicateKeys() {
        return Stream.of(
                // DEFECT: answered 201 RECORDED as ACCESSION (the last key wins silently)
                refuse("duplicate key: action", Req.post("/api/states/NLD/participations/CRC/ratification",
                        "{\"action\":\"RATIFICATION\",\"action\":\"ACCESSION\",\"depositedOn\":\"1995-02-06\"}"), 400, null, null),
                // DEFECT: answered 201 RECORDED with the second date
                refuse("duplicate key: date", Req.post("/api/states/NLD/participations/CAT/signature",
                        "{\"signedOn\":\"1985-02-04\",\"signedOn\":\"1985-02-05\"}"), 400, null, null),
                // DEFECT: answered 201 RECORDED with the second symbol
                refuse("duplicate key inside source", Req.post("/api/states/NLD/participations/CRPD/signature",
                        "{\"signedOn\":\"2007-03-30\",\"source\":{\"symbol\":\"A\",\"symbol\":\"B\"}}"), 400, null, null));
    }

    static Stream<Case> missingValues() {
        return Stream.of(
                refuse("null action", Req.post(RATIFY, "{\"action\":null,\"depositedOn\":\"1990-06-29\"}"), 400, "MISSING_FIELD", "action"),
                refuse("missing action", Req.post(RATIFY, "{\"depositedOn\":\"1990-06-29\"}"), 400, "MISSING_FIELD", "action"),
                refuse("empty object", Req.post(RATIFY, "{}"), 400, "MISSING_FIELD", "action"),
                refuse("null coverage", Req.post(KAZ_REPORTS, "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":null}"), 400, "MISSING_FIELD", "covers"),
                refuse("null report number", Req.post(KAZ_REPORTS, "{\"symbol\":\"CRPD/C/KAZ/5\",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":null,\"to\":5}}"), 400, "INVALID_VALUE", "covers.from"),
                refuse("null symbol", Req.post(KAZ_REPORTS, "{\"symbol\":null,\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}"), 400, "MISSING_FIELD", "symbol"),
                refuse("blank symbol", Req.post(KAZ_REPORTS, "{\"symbol\":\"   \",\"receivedOn\":\"2024-01-01\",\"covers\":{\"from\":5,\"to\":5}}"), 400, "MISSING_FIELD", "symbol"),
                refuse("null UPR cycle", Req.post(KAZ_UPR, "{\"cycle\":null,\"reviewedOn\":\"2024-01-01\"}"), 400, "INVALID_VALUE", "cycle"),
                refuse("null boolean", Req.post(KAZ_REVIEWS, "{\"session\":\"s\",\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":null}"), 400, "INVALID_VALUE", "inAbsenceOfReport"),
                refuse("null review session", Req.post(KAZ_REVIEWS, "{\"session\":null,\"startedOn\":\"2024-03-01\",\"reportSymbols\":[],\"inAbsenceOfReport\":true}"), 400, "MISSING_FIELD", "session"),
                refuse("null new due date", Req.post(KAZ_REVISIONS, "{\"itemId\":\"report:7\",\"newDue\":null,\"reason\":\"extension\"}"), 400, "MISSING_FIELD", "newDue"),
                refuse("null reason", Req.post(KAZ_REVISIONS, "{\"itemId\":\"report:7\",\"newDue\":\"2031-01-01\",\"reason\":null}"), 400, "MISSING_FIELD", "reason"),
                refuse("empty reason", Req.post(KAZ_REVISIONS, "{\"itemId\":\"report:7\",\"newDue\":\"2031-01-01\",\"reason\":\"\"}"), 400, "MISSING_FIELD", "reason"),
                refuse("null reservation reference", Req.post(KAZ_RESERVATIONS, "{\"reference\":null,\"kind\":\"RESERVATION\",\"madeOn\":\"2015-02-21\"}"), 400, "MISSING_FIELD", "reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    @Timeout(60)
    void wrongTypeIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownFields")
    @Timeout(60)
    void unknownFieldIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    @Timeout(60)
    void duplicateKeyIsRefused(Case c) {
        assertRefused(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingValues")
    @Timeout(60)
    void missingValueIsRefused(Case c) {
        assertRefused(c);
    }
}
