package org.treatyregistry.api.pages;

import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.MechanismType;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The recording forms: one per kind of fact, each posting its fields as JSON to the REST endpoint of that kind.
 * A field's {@code path} is the JSON path the API names in its errors ("depositedOn", "covers.from",
 * "followUp[0].due"), so that a refusal lands next to the input it concerns.
 */
public final class FormCatalogue {

    public enum Type { TEXT, DATE, NUMBER, SELECT, TEXTAREA, CHECKBOX, LINES, GROUP, REPEAT }

    public record Option(String value, String label) {
    }

    /**
     * @param param   the address parameter this field fills ({instrument}, {body}, {mechanism}) instead of the body
     * @param children the fields of a GROUP (a nested object) or of one row of a REPEAT (a list of objects)
     */
    public record Field(String path, String label, Type type, boolean required, String hint, List<Option> options,
                        String param, List<Field> children) {

        /** A safe id for the input: the path with its punctuation replaced. */
        public String id(String prefix) {
            return prefix + "-" + path.replaceAll("[^A-Za-z0-9_]+", "-");
        }

        public String name() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        /** The same field inside a nested object (a correction's replacement); a list's rows keep their own paths. */
        public Field under(String prefix) {
            return new Field(prefix + "." + path, label, type, required, hint, options, param,
                    type == Type.REPEAT ? children : children.stream().map(c -> c.under(prefix)).toList());
        }

        /** The fields of a list's row as the row template holds them: "followUp[__i__].due". */
        public List<Field> rowFields() {
            return children.stream().map(c -> new Field(path + "[__i__]." + c.path, c.label, c.type, c.required, c.hint,
                    c.options, null, c.children)).toList();
        }

        /** Whether this field belongs to a list's row template (its path holds the row placeholder). */
        public boolean inRow() {
            return path.contains("[__i__]");
        }

        public boolean typed(String name) {
            return type.name().equals(name);
        }
    }

    /**
     * @param kind        the fact's name in import files and in the form's address (?kind=ratification)
     * @param target      participation, competence, obligation or upr: which record the fact goes into
     * @param endpoint    the REST endpoint, with {state}, {instrument}, {body} and {mechanism} to fill
     * @param replacement the fact's name inside a correction's replacement (the API's "fact" discriminator)
     * @param eventType   the event the fact becomes, as the history names it
     */
    public record Form(String kind, String label, String group, String description, String target, String endpoint,
                       String replacement, String eventType, List<Field> fields) {

        /** The fields sent in the body (not the address parameters). */
        public List<Field> bodyFields() {
            return fields.stream().filter(f -> f.param() == null).toList();
        }

        public boolean hasParam(String param) {
            return fields.stream().anyMatch(f -> param.equals(f.param()));
        }

        /** The body fields as a correction's replacement holds them. */
        public List<Field> replacementFields() {
            return bodyFields().stream().map(f -> f.under("replacement")).toList();
        }

        /** The endpoint of a correction of this kind of fact. */
        public String correctionEndpoint() {
            return switch (target) {
                case "participation" -> "/api/states/{state}/participations/{instrument}/corrections";
                case "competence" -> "/api/states/{state}/competences/{body}/{mechanism}/corrections";
                case "obligation" -> "/api/states/{state}/obligations/{instrument}/corrections";
                default -> "/api/states/{state}/upr/corrections";
            };
        }
    }

    public static final String CORRECTION = "correction";

    private static final String DATE_HINT = "YYYY-MM-DD, or YYYY-MM or YYYY when the source gives only the month or year";

    private static final List<Form> FORMS = build();

    private FormCatalogue() {
    }

    public static List<Form> forms() {
        return FORMS;
    }

    public static Optional<Form> form(String kind) {
        return FORMS.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    /** The form of the fact an event records, for "correct this fact" links in the history. */
    public static Optional<Form> byEventType(String eventType) {
        return FORMS.stream().filter(f -> f.eventType().equals(eventType)).findFirst();
    }

    /** The groups of the kind chooser, in order. */
    public static List<String> groups() {
        return FORMS.stream().map(Form::group).distinct().toList();
    }

    public static List<Option> instrumentOptions() {
        return TreatyCatalogue.instruments().stream()
                .map(i -> new Option(i.code().value(), i.code().value() + " – " + i.title())).toList();
    }

    public static List<Option> bodyOptions() {
        return TreatyCatalogue.bodies().stream().map(b -> new Option(b.value(), b.value() + " – " + TreatyCatalogue.bodyName(b)))
                .sorted(Comparator.comparing(Option::value)).toList();
    }

    public static List<Option> mechanismOptions() {
        return Arrays.stream(MechanismType.values()).map(m -> new Option(m.name(), Words.mechanism(m.name()))).toList();
    }

    private static List<Form> build() {
        List<Form> forms = new ArrayList<>();
        String participation = "/api/states/{state}/participations/{instrument}";
        String competence = "/api/states/{state}/competences/{body}/{mechanism}";
        String obligation = "/api/states/{state}/obligations/{instrument}";
        String upr = "/api/states/{state}/upr";
        String treaty = "Treaty participation";
        String comp = "Competence of treaty bodies";
        String rep = "Reporting";
        String uprGroup = "Universal Periodic Review";

        forms.add(new Form("signature", "Signature", treaty, "The state signed an instrument.", "participation",
                participation + "/signature", "signature", "InstrumentSignedEvent",
                List.of(instrument(), date("signedOn", "Signed on", true), source())));
        forms.add(new Form("ratification", "Ratification, accession or succession", treaty,
                "The state deposited its instrument. Entry into force is computed by the instrument's rule and the reporting obligation opens with the initial report's due date.",
                "participation", participation + "/ratification", "ratification", "TreatyRatifiedEvent",
                List.of(instrument(), select("action", "Action", true, null, options("RATIFICATION", "ACCESSION", "SUCCESSION")),
                        date("depositedOn", "Deposited on", false, "The UN deposit date (not the date of the domestic law). " + DATE_HINT + "."),
                        date("statedEntryIntoForce", "Entry into force stated by a source", false,
                                "Leave empty to compute it from the deposit. " + DATE_HINT + "."),
                        source())));
        forms.add(new Form("reservation", "Reservation or declaration", treaty, "A reservation, declaration or interpretative declaration.",
                "participation", participation + "/reservations", "reservation", "ReservationEnteredEvent",
                List.of(instrument(), text("reference", "Reference", true, "A short name to find it again, e.g. \"art. 22 declaration\"."),
                        select("kind", "Kind", true, null, options("RESERVATION", "DECLARATION", "INTERPRETATIVE_DECLARATION")),
                        text("article", "Article", false, "The article it concerns, if any."),
                        area("text", "Text", false, null), date("madeOn", "Made on", true), source())));
        forms.add(new Form("reservation-withdrawal", "Withdrawal of a reservation", treaty, "The state withdrew a reservation or declaration.",
                "participation", participation + "/reservation-withdrawals", "reservation-withdrawal", "ReservationWithdrawnEvent",
                List.of(instrument(), text("reference", "Reference of the reservation", true, "As it was recorded."),
                        date("withdrawnOn", "Withdrawn on", true), source())));
        forms.add(new Form("denunciation", "Denunciation", treaty, "The state denounced an instrument.", "participation",
                participation + "/denunciation", "denunciation", "TreatyDenouncedEvent",
                List.of(instrument(), date("notifiedOn", "Notified on", true), date("effectiveOn", "Effective on", false), source())));

        forms.add(new Form("competence-recognition", "Competence recognition", comp,
                "A treaty body may receive communications, inquire or visit; the legal basis comes from the treaty catalogue.",
                "competence", competence + "/recognition", "recognition", "CompetenceRecognizedEvent",
                List.of(body(), mechanism(), date("effectiveFrom", "Effective from", false),
                        date("declaredOn", "Declared on", false, "For declarations, the date the declaration was made. " + DATE_HINT + "."),
                        source())));
        forms.add(new Form("competence-opt-out", "Opt-out from an inquiry procedure", comp, "The state opted out (e.g. CAT art. 28).",
                "competence", competence + "/opt-out", "opt-out", "CompetenceOptedOutEvent",
                List.of(body(), mechanism(), date("declaredOn", "Declared on", false), source())));
        forms.add(new Form("competence-withdrawal", "Withdrawal of a recognition", comp, "The state withdrew its recognition.",
                "competence", competence + "/withdrawal", "withdrawal", "CompetenceWithdrawnEvent",
                List.of(body(), mechanism(), date("withdrawnOn", "Withdrawn on", true), source())));

        forms.add(new Form("report", "Report submission", rep, "A report received by the committee.", "obligation",
                obligation + "/reports", "report", "ReportSubmittedEvent",
                List.of(instrument(), text("symbol", "Document symbol", true, "e.g. CAT/C/KAZ/4"),
                        date("receivedOn", "Received on", false, "The \"[Date received]\" on the cover. " + DATE_HINT + "."),
                        covers("covers", "Reports covered", true),
                        select("procedure", "Procedure", false, "Leave as not stated for the standard procedure.", options("STANDARD", "SIMPLIFIED")),
                        source())));
        forms.add(new Form("loipr", "List of issues prior to reporting", rep,
                "Simplified procedure: the state's reply is its report, due by the date the committee set.", "obligation",
                obligation + "/loiprs", "loipr", "ListOfIssuesPriorToReportingTransmittedEvent",
                List.of(instrument(), text("symbol", "Document symbol", true, "e.g. CCPR/C/KAZ/QPR/3"),
                        date("transmittedOn", "Transmitted on", true), date("replyDue", "Reply due", true),
                        covers("covers", "Reports the reply will be", true), source())));
        forms.add(new Form("review", "Review (dialogue)", rep, "The committee's dialogue with the state, on reports or in their absence.",
                "obligation", obligation + "/reviews", "review", "ReviewHeldEvent",
                List.of(instrument(), text("session", "Session", true, "Unique within the obligation, e.g. \"30th session\"."),
                        date("startedOn", "Started on", true), date("endedOn", "Ended on", false),
                        new Field("reportSymbols", "Reports reviewed", Type.LINES, false, "One document symbol per line.", List.of(), null, List.of()),
                        new Field("inAbsenceOfReport", "Reviewed in the absence of a report", Type.CHECKBOX, false, null, List.of(), null, List.of()),
                        source())));
        forms.add(new Form("concluding-observations", "Concluding observations", rep,
                "The committee's observations, with the next report's due date and follow-up requests; a date set here overrides the treaty default.",
                "obligation", obligation + "/concluding-observations", "concluding-observations", "ConcludingObservationsAdoptedEvent",
                List.of(instrument(), text("symbol", "Document symbol", true, "e.g. CAT/C/KAZ/CO/4"),
                        date("adoptedOn", "Adopted on", true),
                        text("reviewSession", "Review session", true, "The session of the review these observations conclude, as recorded."),
                        new Field("nextReport", "Next report", Type.GROUP, false, "Leave empty if the observations set no date.", List.of(), null,
                                List.of(covers("nextReport.covers", "Reports requested", false), date("nextReport.due", "Due", false))),
                        new Field("followUp", "Follow-up requests", Type.REPEAT, false,
                                "Recommendations on which information is asked for, each with its date.", List.of(), null,
                                List.of(text("paragraphs", "Paragraphs", false, "e.g. 10, 14 and 22"), date("due", "Due", false))),
                        source())));
        forms.add(new Form("follow-up", "Follow-up information", rep, "Follow-up information submitted on concluding observations.",
                "obligation", obligation + "/follow-ups", "follow-up", "FollowUpInformationSubmittedEvent",
                List.of(instrument(), text("symbol", "Document symbol", true, "e.g. CAT/C/KAZ/CO/3/Add.1"),
                        date("receivedOn", "Received on", true),
                        text("concludingObservations", "Concluding observations answered", true, "Their symbol, e.g. CAT/C/KAZ/CO/3"),
                        source())));
        forms.add(new Form("due-date-revision", "Due date revision", rep, "The committee moved a due date (an extension, a rescheduled cycle).",
                "obligation", obligation + "/due-date-revisions", "due-date-revision", "DueDateRevisedEvent",
                List.of(instrument(), text("itemId", "Item", true, "As the calendar shows it, e.g. report:5 or follow-up:CAT/C/KAZ/CO/4"),
                        date("newDue", "New due date", true), area("reason", "Reason", true, null),
                        text("decisionSymbol", "Decision symbol", false, "The document or letter that records the decision, if any."),
                        source())));

        forms.add(new Form("upr-review", "UPR review", uprGroup, "A review by the Human Rights Council's Working Group.", "upr",
                upr + "/reviews", "review", "UprReviewHeldEvent",
                List.of(number("cycle", "Cycle", true, "1, 2, 3 or 4"), text("workingGroupSession", "Working Group session", false, null),
                        date("reviewedOn", "Reviewed on", true), text("nationalReport", "National report symbol", false, null),
                        text("outcomeReport", "Outcome report symbol", false, null), source())));
        forms.add(new Form("upr-mid-term-report", "UPR mid-term report", uprGroup, "A voluntary mid-term report.", "upr",
                upr + "/mid-term-reports", "mid-term-report", "UprMidTermReportSubmittedEvent",
                List.of(number("cycle", "Cycle", true, null), date("submittedOn", "Submitted on", true),
                        text("symbol", "Document symbol", false, null), source())));
        return List.copyOf(forms);
    }

    /** The fields of the correction form around the replacement: which fact, and why. */
    public static List<Field> correctionFields() {
        return List.of(number("correctsSequence", "Sequence number of the fact to correct", true,
                        "The \"#\" of the fact in this record, as the history shows it."),
                area("reason", "Reason for the correction", true, null),
                new Field("source", "Source of the correction", Type.GROUP, false, "The document that shows the recorded fact was wrong.",
                        List.of(), null, List.of(text("source.symbol", "Document symbol", false, null),
                        text("source.locator", "Address (URL)", false, null), area("source.note", "Note", false, null))));
    }

    private static Field instrument() {
        return new Field("instrument", "Instrument", Type.SELECT, true, null, instrumentOptions(), "instrument", List.of());
    }

    private static Field body() {
        return new Field("body", "Treaty body", Type.SELECT, true, null, bodyOptions(), "body", List.of());
    }

    private static Field mechanism() {
        return new Field("mechanism", "Mechanism", Type.SELECT, true, null, mechanismOptions(), "mechanism", List.of());
    }

    private static Field source() {
        return new Field("source", "Source", Type.GROUP, false, "Where the fact comes from: every fact should be traceable to a document.",
                List.of(), null, List.of(text("source.symbol", "Document symbol", false, null),
                text("source.locator", "Address (URL)", false, null),
                area("source.note", "Note", false, "How the fact was established, and with what confidence.")));
    }

    private static Field covers(String path, String label, boolean required) {
        return new Field(path, label, Type.GROUP, required, "Reports are numbered from 1 (the initial report); a combined report covers a range.",
                List.of(), null, List.of(number(path + ".from", "From report", required, null), number(path + ".to", "To report", required, null)));
    }

    private static Field text(String path, String label, boolean required, String hint) {
        return new Field(path, label, Type.TEXT, required, hint, List.of(), null, List.of());
    }

    private static Field area(String path, String label, boolean required, String hint) {
        return new Field(path, label, Type.TEXTAREA, required, hint, List.of(), null, List.of());
    }

    private static Field number(String path, String label, boolean required, String hint) {
        return new Field(path, label, Type.NUMBER, required, hint, List.of(), null, List.of());
    }

    private static Field date(String path, String label, boolean required) {
        return date(path, label, required, DATE_HINT + ".");
    }

    private static Field date(String path, String label, boolean required, String hint) {
        return new Field(path, label, Type.DATE, required, hint, List.of(), null, List.of());
    }

    private static Field select(String path, String label, boolean required, String hint, List<Option> options) {
        return new Field(path, label, Type.SELECT, required, hint, options, null, List.of());
    }

    private static List<Option> options(String... values) {
        return Arrays.stream(values).map(v -> new Option(v, Words.constant(v))).toList();
    }

    static boolean knownBody(String value) {
        return TreatyBodyCode.CODES.contains(value);
    }

    static List<InstrumentDefinition> instruments() {
        return List.copyOf(TreatyCatalogue.instruments());
    }
}
