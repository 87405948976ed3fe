package org.treatyregistry.api.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistoryPage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The treaty desk's pages: server-rendered, reading through the projection queries. Recording and importing go
 * through the REST API from the browser (see static/js), so that the pages and the API answer alike.
 */
@Controller
public class DeskPagesController {

    static final String ALL = "ALL";
    private static final int HISTORY_PAGE = 100;
    private static final Set<String> VIEWS = Set.of("calendar", "treaties", "history", "record", "export-import");

    private final DeskReader reader;
    private final ZoneId zone;

    public DeskPagesController(DeskReader reader, RegistryProperties properties) {
        this.reader = reader;
        this.zone = properties.timeZone() == null ? ZoneId.of("UTC") : properties.timeZone();
    }

    /** A count of open items by treaty body, for the dashboard. */
    public record BodyCount(String body, String bodyName, int overdue, int dueWithinYear, int awaitingReview) {
    }

    @GetMapping("/")
    public String dashboard(@RequestParam(required = false) String state, Model model) {
        String focus = state == null || state.isBlank() ? "KAZ" : state.strip().toUpperCase();
        String filter = ALL.equals(focus) ? null : Filters.state(focus);
        DeskReader.Calendar calendar = reader.calendar(filter, null, null, null, null, false);
        LocalDate today = calendar.asOf();
        LocalDate horizon = today.plusMonths(12);
        List<CalendarEntry> overdue = calendar.items().stream().filter(i -> Words.late(i.status()))
                .sorted(Comparator.comparing(CalendarEntry::dueLatest, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        List<CalendarEntry> coming = calendar.items().stream()
                .filter(i -> ("UPCOMING".equals(i.status()) || "DUE_SOON".equals(i.status())) && i.dueLatest() != null
                        && !i.dueLatest().isAfter(horizon)).toList();
        List<CalendarEntry> awaiting = calendar.items().stream().filter(i -> "SUBMITTED_AWAITING_REVIEW".equals(i.status())).toList();
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (CalendarEntry i : calendar.items()) {
            names.put(i.body(), i.bodyName());
            int[] c = counts.computeIfAbsent(i.body(), b -> new int[3]);
            if (overdue.contains(i)) {
                c[0]++;
            } else if (coming.contains(i)) {
                c[1]++;
            } else if (awaiting.contains(i)) {
                c[2]++;
            }
        }
        List<BodyCount> byBody = counts.entrySet().stream().filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0)
                .map(e -> new BodyCount(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        model.addAttribute("focus", filter == null ? ALL : filter);
        model.addAttribute("allStates", filter == null);
        model.addAttribute("state", filter == null ? "KAZ" : filter);
        model.addAttribute("states", reader.states(filter));
        model.addAttribute("today", today);
        model.addAttribute("horizon", horizon);
        model.addAttribute("overdue", overdue);
        model.addAttribute("coming", coming);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("byBody", byBody);
        model.addAttribute("active", "dashboard");
        return "dashboard";
    }

    /** The state chooser in the header: go to the same page for another state. */
    @GetMapping("/states")
    public String switchState(@RequestParam String state, @RequestParam(defaultValue = "calendar") String view) {
        String code = Filters.state(state);
        if (code == null) {
            throw RegistryException.invalid("MISSING_FIELD", "state", "enter a state's ISO 3166-1 alpha-3 code, e.g. KAZ");
        }
        return "redirect:/states/" + code + "/" + (VIEWS.contains(view) ? view : "calendar");
    }

    @GetMapping("/states/{state}")
    public String stateHome(@PathVariable String state) {
        return "redirect:/states/" + Filters.state(state) + "/calendar";
    }

    @GetMapping("/states/{state}/calendar")
    public String calendar(@PathVariable String state, @RequestParam(required = false) String body,
                           @RequestParam(required = false) String instrument, @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String recordedAt, @RequestParam(defaultValue = "open") String items,
                           Model model) {
        String code = Filters.state(state);
        List<String> errors = new ArrayList<>();
        String bodyFilter = parse(errors, "Treaty body", () -> Filters.body(body));
        String instrumentFilter = parse(errors, "Instrument", () -> Filters.instrument(instrument));
        LocalDate day = parse(errors, "Statuses as of", () -> asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip()));
        Instant recorded = parse(errors, "Recorded as of", () -> instant(recordedAt));
        boolean all = "all".equals(items);
        DeskReader.Calendar table = reader.calendar(code, bodyFilter, instrumentFilter, day, recorded, all);
        DeskReader.Calendar everything = reader.calendar(code, bodyFilter, instrumentFilter, day, recorded, true);
        LocalDate today = everything.asOf();
        List<HistoryEntry> history = reader.allHistory(code, recorded).stream()
                .filter(h -> (bodyFilter == null || bodyFilter.equals(h.body())) && (instrumentFilter == null || instrumentFilter.equals(h.instrument())))
                .filter(h -> h.legalDate() == null || !Timeline.earliest(h.legalDate()).isAfter(today)).toList();
        model.addAttribute("state", code);
        model.addAttribute("items", table.items());
        model.addAttribute("today", today);
        model.addAttribute("charts", Timeline.charts(everything.items(), history, today));
        model.addAttribute("errors", errors);
        model.addAttribute("filter", Map.of("body", nz(bodyFilter), "instrument", nz(instrumentFilter), "asOf", nz(asOf),
                "recordedAt", nz(recordedAt), "items", all ? "all" : "open"));
        model.addAttribute("recordedAt", recorded);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("bodies", FormCatalogue.bodyOptions());
        model.addAttribute("instruments", FormCatalogue.instrumentOptions());
        model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/api/states/" + code + "/calendar.csv")
                .queryParamIfPresent("body", java.util.Optional.ofNullable(bodyFilter))
                .queryParamIfPresent("instrument", java.util.Optional.ofNullable(instrumentFilter))
                .queryParamIfPresent("asOf", java.util.Optional.ofNullable(day))
                .queryParamIfPresent("recordedAt", java.util.Optional.ofNullable(recorded))
                .queryParam("includeClosed", all).build().encode().toUriString());
        model.addAttribute("active", "calendar");
        return "calendar";
    }

    @GetMapping("/states/{state}/treaties")
    public String treaties(@PathVariable String state, Model model) {
        String code = Filters.state(state);
        model.addAttribute("state", code);
        model.addAttribute("ratifications", reader.ratifications(code).items());
        model.addAttribute("competences", reader.competences(code).items());
        model.addAttribute("active", "treaties");
        return "treaties";
    }

    @GetMapping("/states/{state}/history")
    public String history(@PathVariable String state, @RequestParam(required = false) String body,
                          @RequestParam(required = false) String instrument, @RequestParam(required = false) String eventType,
                          @RequestParam(required = false) String legalFrom, @RequestParam(required = false) String legalTo,
                          @RequestParam(required = false) String recordedAt, @RequestParam(defaultValue = "0") int page,
                          Model model) {
        String code = Filters.state(state);
        List<String> errors = new ArrayList<>();
        String bodyFilter = parse(errors, "Treaty body", () -> Filters.body(body));
        String instrumentFilter = parse(errors, "Instrument", () -> Filters.instrument(instrument));
        String type = eventType == null || eventType.isBlank() ? null : eventType.strip();
        if (type != null && !Words.EVENTS.containsKey(type)) {
            errors.add("Kind of event: '" + type + "' is not a kind of event the registry records");
            type = null;
        }
        LocalDate from = parse(errors, "Legal date from", () -> legalFrom == null || legalFrom.isBlank() ? null : LocalDate.parse(legalFrom.strip()));
        LocalDate to = parse(errors, "Legal date to", () -> legalTo == null || legalTo.isBlank() ? null : LocalDate.parse(legalTo.strip()));
        Instant recorded = parse(errors, "Recorded as of", () -> instant(recordedAt));
        int p = Math.max(0, page);
        HistoryPage entries = reader.history(code, bodyFilter, instrumentFilter, type, from, to, recorded, p, HISTORY_PAGE);
        Map<String, Long> correctedBy = new HashMap<>();
        // corrections anywhere in the state's record (not only on this page) mark the facts they correct
        for (HistoryEntry h : reader.allHistory(code, recorded).stream().filter(h -> Words.correction(h.eventType())).toList()) {
            if (h.correctsSequence() != null) {
                correctedBy.put(h.streamId() + "#" + h.correctsSequence(), h.sequenceNumber());
            }
        }
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("body", nz(bodyFilter));
        filter.put("instrument", nz(instrumentFilter));
        filter.put("eventType", nz(type));
        filter.put("legalFrom", nz(legalFrom));
        filter.put("legalTo", nz(legalTo));
        filter.put("recordedAt", nz(recordedAt));
        model.addAttribute("state", code);
        model.addAttribute("entries", entries.items());
        model.addAttribute("total", entries.total());
        model.addAttribute("page", p);
        model.addAttribute("pageSize", HISTORY_PAGE);
        model.addAttribute("firstIndex", p * HISTORY_PAGE + 1);
        model.addAttribute("hasNext", (long) (p + 1) * HISTORY_PAGE < entries.total());
        model.addAttribute("prevUrl", pageUrl(code, filter, p - 1));
        model.addAttribute("nextUrl", pageUrl(code, filter, p + 1));
        model.addAttribute("correctedBy", correctedBy);
        model.addAttribute("correctLinks", correctLinks(code, entries.items()));
        model.addAttribute("errors", errors);
        model.addAttribute("filter", filter);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("bodies", FormCatalogue.bodyOptions());
        model.addAttribute("instruments", FormCatalogue.instrumentOptions());
        model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/api/states/" + code + "/history.csv")
                .queryParamIfPresent("body", java.util.Optional.ofNullable(bodyFilter))
                .queryParamIfPresent("instrument", java.util.Optional.ofNullable(instrumentFilter))
                .queryParamIfPresent("eventType", java.util.Optional.ofNullable(type))
                .queryParamIfPresent("legalFrom", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("legalTo", java.util.Optional.ofNullable(to))
                .queryParamIfPresent("recordedAt", java.util.Optional.ofNullable(recorded)).build().encode().toUriString());
        model.addAttribute("active", "history");
        return "history";
    }

    @GetMapping("/states/{state}/record")
    public String record(@PathVariable String state, @RequestParam(required = false) String kind,
                         @RequestParam Map<String, String> params, Model model) {
        String code = Filters.state(state);
        boolean correction = FormCatalogue.CORRECTION.equals(kind);
        FormCatalogue.Form form = kind == null || correction ? null : FormCatalogue.form(kind).orElse(null);
        if (kind != null && !kind.isBlank() && form == null && !correction) {
            model.addAttribute("errors", List.of("Kind of fact: '" + kind + "' is not a kind of fact the registry records"));
        } else {
            model.addAttribute("errors", List.of());
        }
        Map<String, String> prefill = new HashMap<>(params);
        prefill.remove("kind");
        model.addAttribute("state", code);
        model.addAttribute("kind", form != null ? form.kind() : correction ? FormCatalogue.CORRECTION : "");
        model.addAttribute("form", form);
        model.addAttribute("correction", correction);
        model.addAttribute("forms", FormCatalogue.forms());
        model.addAttribute("groups", FormCatalogue.groups());
        model.addAttribute("correctionFields", FormCatalogue.correctionFields());
        model.addAttribute("instruments", FormCatalogue.instrumentOptions());
        model.addAttribute("bodies", FormCatalogue.bodyOptions());
        model.addAttribute("mechanisms", FormCatalogue.mechanismOptions());
        model.addAttribute("prefill", prefill);
        model.addAttribute("active", "record");
        return "record";
    }

    @GetMapping("/states/{state}/export-import")
    public String exchange(@PathVariable String state, Model model) {
        model.addAttribute("state", Filters.state(state));
        model.addAttribute("active", "export-import");
        return "export-import";
    }

    /** For each correctable fact on the page, the address of the correction form prefilled for it. */
    private static Map<String, String> correctLinks(String state, List<HistoryEntry> entries) {
        Map<String, String> links = new HashMap<>();
        for (HistoryEntry h : entries) {
            FormCatalogue.byEventType(h.eventType()).ifPresent(form -> {
                UriComponentsBuilder b = UriComponentsBuilder.fromPath("/states/" + state + "/record")
                        .queryParam("kind", FormCatalogue.CORRECTION).queryParam("fact", form.kind())
                        .queryParam("correctsSequence", h.sequenceNumber());
                if (form.hasParam("instrument") && h.instrument() != null) {
                    b.queryParam("instrument", h.instrument());
                }
                if (form.hasParam("body") && h.body() != null) {
                    b.queryParam("body", h.body());
                    String[] parts = h.streamId().split(":");
                    b.queryParam("mechanism", parts[parts.length - 1]);
                }
                links.put(h.streamId() + "#" + h.sequenceNumber(), b.build().encode().toUriString());
            });
        }
        return links;
    }

    private static String pageUrl(String state, Map<String, String> filter, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/states/" + state + "/history");
        filter.forEach((k, v) -> {
            if (!v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("page", page).build().encode().toUriString();
    }

    /** A "recorded as of" value from the picker (local date-time in the registry's zone) or an ISO instant. */
    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from);
        }
        return LocalDateTime.parse(t).atZone(zone).toInstant();
    }

    private interface Parser<T> {
        T parse();
    }

    /** A filter the desk typed wrong is reported on the page, and ignored, instead of failing the page. */
    private static <T> T parse(List<String> errors, String label, Parser<T> parser) {
        try {
            return parser.parse();
        } catch (RegistryException e) {
            errors.add(label + ": " + e.getMessage());
        } catch (DateTimeException e) {
            errors.add(label + ": not a valid date" + (label.startsWith("Recorded") ? " and time" : "") + " (" + e.getMessage() + ")");
        }
        return null;
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }

}
