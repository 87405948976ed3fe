package org.treatyregistry.api.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.calendar.CalendarPage;
import org.treatyregistry.projections.calendar.FindCalendarQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@Tag(name = "Reporting calendar")
public class CalendarController {

    private final QueryGateway queries;
    private final RegistryProperties properties;

    public CalendarController(QueryGateway queries, RegistryProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** The filters of the calendar, shared by the JSON API and the exports. */
    public record CalendarFilters(String state, String body, String instrument, List<String> status, List<String> kind,
                                  LocalDate dueFrom, LocalDate dueTo, LocalDate asOf, Integer soonDays,
                                  Instant recordedAt, boolean includeClosed) {
    }

    @GetMapping("/api/calendar")
    @Operation(summary = "What is due, overdue and coming, for one state or all, with the rule or decision behind every date")
    public CalendarPage calendar(@RequestParam(required = false) String state,
                                 @RequestParam(required = false) String body,
                                 @RequestParam(required = false) String instrument,
                                 @Parameter(description = "UPCOMING, DUE_SOON, OVERDUE, SUBMITTED_AWAITING_REVIEW, REVIEWED_WITHOUT_REPORT, SUBMITTED, REVIEWED, NO_DUE_DATE")
                                 @RequestParam(required = false) List<String> status,
                                 @Parameter(description = "REPORT or FOLLOW_UP")
                                 @RequestParam(required = false) List<String> kind,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                 @Parameter(description = "what was legally due on this day: statuses for this day, facts with a later legal date left out (default: today)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                 @Parameter(description = "the same as validAt (older name)")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @Parameter(description = "an open item due within this many days is DUE_SOON")
                                 @RequestParam(required = false) Integer soonDays,
                                 @Parameter(description = "only what the registry had recorded by this instant (ISO-8601)")
                                 @RequestParam(required = false) Instant recordedAt,
                                 @RequestParam(defaultValue = "false") boolean includeClosed,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "100") int size) {
        return query(new CalendarFilters(state, body, instrument, status, kind, dueFrom, dueTo, validAt != null ? validAt : asOf,
                soonDays, recordedAt, includeClosed), Filters.page(page), Filters.size(size));
    }

    @GetMapping("/api/states/{state}/calendar")
    @Operation(summary = "One state's reporting calendar")
    public CalendarPage stateCalendar(@PathVariable String state,
                                      @RequestParam(required = false) String body,
                                      @RequestParam(required = false) String instrument,
                                      @RequestParam(required = false) List<String> status,
                                      @RequestParam(required = false) List<String> kind,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @RequestParam(required = false) Integer soonDays,
                                      @RequestParam(required = false) Instant recordedAt,
                                      @RequestParam(defaultValue = "false") boolean includeClosed,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "100") int size) {
        return calendar(state, body, instrument, status, kind, dueFrom, dueTo, validAt, asOf, soonDays, recordedAt, includeClosed, page, size);
    }

    /** Every item for these filters, page after page (exports and audit packs). */
    public List<CalendarEntry> queryAll(CalendarFilters filters) {
        List<CalendarEntry> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            CalendarPage p = query(filters, page, 1000);
            all.addAll(p.items());
            if (all.size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }

    /** One page of the calendar for these filters. */
    public CalendarPage query(CalendarFilters f, int page, int size) {
        FindCalendarQuery query = new FindCalendarQuery(Filters.state(f.state()), Filters.body(f.body()),
                Filters.instrument(f.instrument()), Filters.statuses(f.status()), f.dueFrom(), f.dueTo(), f.asOf(),
                f.soonDays() == null ? properties.dueSoonDays() : f.soonDays(), f.recordedAt(), f.includeClosed(),
                page, size, Filters.kinds(f.kind()));
        return queries.query(query, ResponseTypes.instanceOf(CalendarPage.class)).join();
    }
}
