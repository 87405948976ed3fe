package org.treatyregistry.api.pages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the pages use for the registry's codes: statuses (each with its colour class, never colour alone), event
 * types, mechanisms, dates with their precision. Templates call these through the {@code w} model attribute.
 */
public final class Words {

    /** Statuses in the order the desk reads them, with their words. */
    public static final Map<String, String> STATUSES = new LinkedHashMap<>();

    /** Event types as the history names them, with the desk's words. */
    public static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        STATUSES.put("OVERDUE", "Overdue");
        STATUSES.put("REVIEWED_WITHOUT_REPORT", "Reviewed without report");
        STATUSES.put("DUE_SOON", "Due soon");
        STATUSES.put("UPCOMING", "Upcoming");
        STATUSES.put("SUBMITTED_AWAITING_REVIEW", "Submitted, awaiting review");
        STATUSES.put("SUBMITTED", "Submitted");
        STATUSES.put("REVIEWED", "Reviewed");
        STATUSES.put("NO_DUE_DATE", "No due date");

        EVENTS.put("InstrumentSignedEvent", "Signature");
        EVENTS.put("TreatyRatifiedEvent", "Ratification, accession or succession");
        EVENTS.put("ReservationEnteredEvent", "Reservation or declaration");
        EVENTS.put("ReservationWithdrawnEvent", "Withdrawal of a reservation");
        EVENTS.put("TreatyDenouncedEvent", "Denunciation");
        EVENTS.put("ParticipationFactCorrectedEvent", "Correction (treaty participation)");
        EVENTS.put("CompetenceRecognizedEvent", "Competence recognition");
        EVENTS.put("CompetenceOptedOutEvent", "Opt-out");
        EVENTS.put("CompetenceWithdrawnEvent", "Withdrawal of a recognition");
        EVENTS.put("CompetenceFactCorrectedEvent", "Correction (competence)");
        EVENTS.put("ReportingObligationOpenedEvent", "Reporting obligation opened");
        EVENTS.put("ReportSubmittedEvent", "Report submitted");
        EVENTS.put("ListOfIssuesPriorToReportingTransmittedEvent", "List of issues prior to reporting");
        EVENTS.put("ReviewHeldEvent", "Review");
        EVENTS.put("ConcludingObservationsAdoptedEvent", "Concluding observations");
        EVENTS.put("FollowUpInformationSubmittedEvent", "Follow-up information");
        EVENTS.put("DueDateRevisedEvent", "Due date revised");
        EVENTS.put("ReportingFactCorrectedEvent", "Correction (reporting)");
        EVENTS.put("UprReviewHeldEvent", "UPR review");
        EVENTS.put("UprMidTermReportSubmittedEvent", "UPR mid-term report");
        EVENTS.put("UprFactCorrectedEvent", "Correction (UPR)");
    }

    public static String status(String code) {
        return code == null ? "" : STATUSES.getOrDefault(code, constant(code));
    }

    /** The CSS class of a status badge: the colour goes with the word, never alone. */
    public static String statusClass(String code) {
        return "status status-" + (code == null ? "none" : code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static boolean late(String status) {
        return "OVERDUE".equals(status) || "REVIEWED_WITHOUT_REPORT".equals(status);
    }

    public static String event(String eventType) {
        return eventType == null ? "" : EVENTS.getOrDefault(eventType, eventType);
    }

    public static boolean correction(String eventType) {
        return eventType != null && eventType.endsWith("FactCorrectedEvent");
    }

    /** "INTERPRETATIVE_DECLARATION" as "Interpretative declaration". */
    public static String constant(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String mechanism(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "INDIVIDUAL_COMMUNICATIONS" -> "Individual communications";
            case "INTER_STATE_COMMUNICATIONS" -> "Inter-state communications";
            case "INQUIRY" -> "Inquiry";
            case "VISITS" -> "Visits";
            case "URGENT_ACTION" -> "Urgent action";
            default -> constant(code);
        };
    }

    /** A legal date with its precision in words: "2018 (year)", "1998-08 (month)", "2029-05-21". */
    public static String date(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return switch (text.length()) {
            case 4 -> text + " (year)";
            case 7 -> text + " (month)";
            default -> text + " (day)";
        };
    }

    /** A due date with its precision in words. */
    public static String due(String text, String precision) {
        if (text == null || text.isBlank()) {
            return "No due date";
        }
        String p = precision == null ? null : switch (precision) {
            case "YEAR" -> "year";
            case "MONTH" -> "month";
            default -> "day";
        };
        return p == null ? date(text) : text + " (" + p + ")";
    }

    /** Days in words for a status: late, left, or nothing. */
    public static String days(String status, long days) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "OVERDUE", "REVIEWED_WITHOUT_REPORT" -> days == 1 ? "1 day late" : days + " days late";
            case "UPCOMING", "DUE_SOON" -> days == 1 ? "1 day left" : days + " days left";
            default -> "—";
        };
    }

    public static String basisKind(boolean confirmed) {
        return confirmed ? "confirmed (committee decision)" : "tentative (treaty rule)";
    }

    /** Only web addresses become links: a locator such as "javascript:" stays text. */
    public static boolean link(String locator) {
        return locator != null && (locator.startsWith("https://") || locator.startsWith("http://"));
    }

    private static final java.time.format.DateTimeFormatter INSTANT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /** A recording time, to the second, in UTC. */
    public static String instant(java.time.Instant at) {
        return at == null ? "" : INSTANT.format(at);
    }

    /** The first report a coverage names: "8-10" gives 8. */
    public static String coversFrom(String covers) {
        return covers == null ? "" : covers.split("-")[0];
    }

    /** The last report a coverage names: "8-10" gives 10, "3" gives 3. */
    public static String coversTo(String covers) {
        if (covers == null) {
            return "";
        }
        String[] parts = covers.split("-");
        return parts[parts.length - 1];
    }

    /** The kind of record an event belongs to, in words. */
    public static String stream(String streamType) {
        if (streamType == null) {
            return "";
        }
        return switch (streamType) {
            case "PARTICIPATION" -> "participation";
            case "REPORTING" -> "reporting";
            case "COMPETENCE" -> "competence";
            case "UPR" -> "UPR";
            default -> constant(streamType).toLowerCase(Locale.ROOT);
        };
    }

    /** A link's words: the site a source document is on, e.g. "document on adilet.zan.kz". */
    public static String site(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "document" : "document on " + (host.startsWith("www.") ? host.substring(4) : host);
        } catch (IllegalArgumentException e) {
            return "document";
        }
    }

    public Map<String, String> statuses() {
        return STATUSES;
    }

    public Map<String, String> events() {
        return EVENTS;
    }
}
