package org.treatyregistry.api.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.treatyregistry.api.calendar.CalendarController;
import org.treatyregistry.api.calendar.CalendarController.CalendarFilters;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.history.FindHistoryAfterQuery;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistorySlice;
import org.treatyregistry.projections.ratification.FindRatificationStatusQuery;
import org.treatyregistry.projections.ratification.RatificationStatusList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Downloads and subscriptions: the calendar as iCalendar (a stable URL fit for webcal://), and the calendar, the
 * ratification status and the history as CSV and JSON, with the same filters as the API.
 */
@RestController
@Tag(name = "Exports")
public class ExportController {

    private static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int PAGE = 1000;

    private final CalendarController calendar;
    private final QueryGateway queries;
    private final RegistryProperties properties;
    private final ObjectMapper json;

    public ExportController(CalendarController calendar, QueryGateway queries, RegistryProperties properties, ObjectMapper json) {
        this.calendar = calendar;
        this.queries = queries;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping(path = "/api/states/{state}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "A state's submission calendar as iCalendar; subscribe with webcal://HOST/api/states/KAZ/calendar.ics")
    public ResponseEntity<String> stateIcs(@PathVariable String state,
                                           @RequestParam(required = false) String body,
                                           @RequestParam(required = false) String instrument,
                                           @RequestParam(required = false) List<String> kind,
                                           @RequestParam(required = false) String alarms) {
        return ics(state, body, instrument, kind, alarms);
    }

    @GetMapping(path = "/api/calendar.ics", produces = "text/calendar")
    @Operation(summary = "Every state's submission calendar as iCalendar")
    public ResponseEntity<String> allIcs(@RequestParam(required = false) String state,
                                         @RequestParam(required = false) String body,
                                         @RequestParam(required = false) String instrument,
                                         @RequestParam(required = false) List<String> kind,
                                         @RequestParam(required = false) String alarms) {
        return ics(state, body, instrument, kind, alarms);
    }

    @GetMapping(path = {"/api/calendar.csv", "/api/states/{state}/calendar.csv"}, produces = "text/csv")
    @Operation(summary = "The calendar as CSV (RFC 4180, UTF-8, header row), with the calendar's filters")
    public ResponseEntity<String> calendarCsv(@PathVariable(required = false) String state,
                                              @RequestParam(name = "state", required = false) String stateParam,
                                              @RequestParam(required = false) String body,
                                              @RequestParam(required = false) String instrument,
                                              @RequestParam(required = false) List<String> status,
                                              @RequestParam(required = false) List<String> kind,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                              @RequestParam(required = false) Integer soonDays,
                                              @RequestParam(required = false) Instant recordedAt,
                                              @RequestParam(defaultValue = "false") boolean includeClosed) {
        List<CalendarEntry> entries = calendar.queryAll(new CalendarFilters(state != null ? state : stateParam, body, instrument,
                status, kind, dueFrom, dueTo, asOf, soonDays, recordedAt, includeClosed));
        return download(CsvWriter.write(entries, CalendarEntry.class), TEXT_CSV, "calendar", state != null ? state : stateParam, "csv");
    }

    @GetMapping(path = {"/api/calendar.json", "/api/states/{state}/calendar.json"}, produces = "application/json")
    @Operation(summary = "The calendar as a JSON download (every page), with the calendar's filters")
    public ResponseEntity<List<CalendarEntry>> calendarJson(@PathVariable(required = false) String state,
                                                            @RequestParam(name = "state", required = false) String stateParam,
                                                            @RequestParam(required = false) String body,
                                                            @RequestParam(required = false) String instrument,
                                                            @RequestParam(required = false) List<String> status,
                                                            @RequestParam(required = false) List<String> kind,
                                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                            @RequestParam(required = false) Integer soonDays,
                                                            @RequestParam(required = false) Instant recordedAt,
                                                            @RequestParam(defaultValue = "false") boolean includeClosed) {
        List<CalendarEntry> entries = calendar.queryAll(new CalendarFilters(state != null ? state : stateParam, body, instrument,
                status, kind, dueFrom, dueTo, asOf, soonDays, recordedAt, includeClosed));
        return download(entries, MediaType.APPLICATION_JSON, "calendar", state != null ? state : stateParam, "json");
    }

    @GetMapping(path = {"/api/ratifications.csv", "/api/states/{state}/ratifications.csv"}, produces = "text/csv")
    @Operation(summary = "Ratification status as CSV")
    public ResponseEntity<String> ratificationsCsv(@PathVariable(required = false) String state,
                                                   @RequestParam(name = "state", required = false) String stateParam,
                                                   @RequestParam(required = false) String instrument,
                                                   @RequestParam(required = false) String body) {
        String s = state != null ? state : stateParam;
        List<RatificationRow> rows = ratifications(s, instrument, body).items().stream().map(RatificationRow::of).toList();
        return download(CsvWriter.write(rows, RatificationRow.class), TEXT_CSV, "ratifications", s, "csv");
    }

    @GetMapping(path = {"/api/ratifications.json", "/api/states/{state}/ratifications.json"}, produces = "application/json")
    @Operation(summary = "Ratification status as a JSON download")
    public ResponseEntity<RatificationStatusList> ratificationsJson(@PathVariable(required = false) String state,
                                                                    @RequestParam(name = "state", required = false) String stateParam,
                                                                    @RequestParam(required = false) String instrument,
                                                                    @RequestParam(required = false) String body) {
        String s = state != null ? state : stateParam;
        return download(ratifications(s, instrument, body), MediaType.APPLICATION_JSON, "ratifications", s, "json");
    }

    @GetMapping(path = {"/api/history.csv", "/api/states/{state}/history.csv"}, produces = "text/csv")
    @Operation(summary = "The history as CSV, with the history's filters")
    public ResponseEntity<StreamingResponseBody> historyCsv(@PathVariable(required = false) String state,
                                             @RequestParam(name = "state", required = false) String stateParam,
                                             @RequestParam(required = false) String body,
                                             @RequestParam(required = false) String instrument,
                                             @RequestParam(required = false) String eventType,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalFrom,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalTo,
                                             @RequestParam(required = false) Instant recordedAt) {
        String s = state != null ? state : stateParam;
        return history(s, body, instrument, eventType, legalFrom, legalTo, recordedAt, TEXT_CSV, "csv",
                CsvWriter.writer(HistoryEntry.class), false);
    }

    @GetMapping(path = {"/api/history.json", "/api/states/{state}/history.json"}, produces = "application/json")
    @Operation(summary = "The history as a JSON download (every page)")
    public ResponseEntity<StreamingResponseBody> historyJson(@PathVariable(required = false) String state,
                                                          @RequestParam(name = "state", required = false) String stateParam,
                                                          @RequestParam(required = false) String body,
                                                          @RequestParam(required = false) String instrument,
                                                          @RequestParam(required = false) String eventType,
                                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalFrom,
                                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalTo,
                                                          @RequestParam(required = false) Instant recordedAt) {
        String s = state != null ? state : stateParam;
        // the application's own mapper, as when the list was answered whole: the same JSON, written entry by entry
        return history(s, body, instrument, eventType, legalFrom, legalTo, recordedAt, MediaType.APPLICATION_JSON, "json",
                json.writer(), true);
    }

    private ResponseEntity<String> ics(String state, String body, String instrument, List<String> kind, String alarms) {
        // the submission calendar: what is still to be sent, whatever its status today
        List<CalendarEntry> entries = calendar.queryAll(new CalendarFilters(state, body, instrument,
                List.of("UPCOMING", "DUE_SOON", "OVERDUE", "REVIEWED_WITHOUT_REPORT"), kind, null, null, null, null, null, false));
        String title = "Treaty Registry: " + (state == null ? "all states" : Filters.state(state)) + " reporting calendar";
        String text = IcsWriter.write(entries, title, alarmDays(alarms), properties.calendar().publicUrl());
        return download(text, TEXT_CALENDAR, "calendar", state, "ics");
    }

    private List<Integer> alarmDays(String alarms) {
        if (alarms == null) {
            return properties.calendar().alarmDays();
        }
        try {
            List<Integer> days = alarms.isBlank() ? List.of() : Arrays.stream(alarms.split(",")).map(String::strip).map(Integer::valueOf).toList();
            if (days.stream().anyMatch(d -> d < 0 || d > 3650)) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw RegistryException.invalid("INVALID_VALUE", "alarms", "alarms is a comma-separated list of days before the due date, 0 to 3650");
        }
    }

    /**
     * A history download, written as it is read: slice after slice of {@link FindHistoryAfterQuery}, so that the
     * UN-wide history (a million entries at the benchmark's scale) never sits in memory whole; built as one list it
     * ran the heap out (docs/performance.md, session 9). The first slice is read before the answer starts, so that a
     * bad filter or a failing query is still a problem-details answer; a failure after that can only cut the download
     * short: the connection is dropped before the last chunk, which clients report as an incomplete answer. Entries
     * the projection writes meanwhile below the last one read (its two segments commit apart) are not in the
     * download; the recording instant filter gives a download that a later one repeats exactly.
     */
    private ResponseEntity<StreamingResponseBody> history(String state, String body, String instrument, String eventType, LocalDate legalFrom,
                                                          LocalDate legalTo, Instant recordedAt, MediaType type, String extension,
                                                          ObjectWriter rows, boolean array) {
        String s = Filters.state(state);
        String b = Filters.body(body);
        String i = Filters.instrument(instrument);
        String e = eventType == null || eventType.isBlank() ? null : eventType;
        LongFunction<HistorySlice> slice = after -> queries.query(
                new FindHistoryAfterQuery(s, b, i, e, legalFrom, legalTo, recordedAt, after, PAGE),
                ResponseTypes.instanceOf(HistorySlice.class)).join();
        HistorySlice first = slice.apply(Long.MIN_VALUE);
        StreamingResponseBody download = out -> {
            // the response's stream stays open when the writer closes, and is flushed once a slice, not once a row:
            // a flush is a chunk on the wire
            SequenceWriter writer = rows.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out).init(array);
            HistorySlice next = first;
            while (true) {
                writer.writeAll(next.items());
                writer.flush();
                if (next.end()) {
                    break;
                }
                try {
                    next = slice.apply(next.last());
                } catch (RuntimeException failure) {
                    // the writer stays unclosed on purpose: closing would end the JSON array, and a cut download would
                    // look whole. As an IOException it meets no handler but the advice's last, which drops the
                    // connection of an answer under way (ProblemDetailsAdvice.unexpectedFailure)
                    throw new IOException("the download broke off after " + next.last(), failure);
                }
            }
            writer.close();
        };
        return download(download, type, "history", state, extension);
    }

    private RatificationStatusList ratifications(String state, String instrument, String body) {
        return queries.query(new FindRatificationStatusQuery(Filters.state(state), Filters.instrument(instrument), Filters.body(body)),
                ResponseTypes.instanceOf(RatificationStatusList.class)).join();
    }

    private static <T> ResponseEntity<T> download(T body, MediaType type, String what, String state, String extension) {
        String name = "treaty-registry-" + what + (state == null ? "" : "-" + Filters.state(state)) + "." + extension;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(body);
    }
}
