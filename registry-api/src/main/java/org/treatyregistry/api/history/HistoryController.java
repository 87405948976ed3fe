package org.treatyregistry.api.history;

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
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.projections.history.FindHistoryQuery;
import org.treatyregistry.projections.history.HistoryPage;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@Tag(name = "Obligation history")
public class HistoryController {

    private final QueryGateway queries;

    public HistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/history")
    @Operation(summary = "Every recorded fact, in recording order, with its legal date, recording time, recorder and source")
    public HistoryPage history(@RequestParam(required = false) String state,
                               @RequestParam(required = false) String body,
                               @RequestParam(required = false) String instrument,
                               @RequestParam(required = false) String eventType,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalFrom,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalTo,
                               @Parameter(description = "facts that had happened by this day (legal date); the same as legalTo")
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                               @Parameter(description = "what the registry had recorded by this instant (ISO-8601)")
                               @RequestParam(required = false) Instant recordedAt,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "100") int size) {
        FindHistoryQuery query = new FindHistoryQuery(Filters.state(state), Filters.body(body), Filters.instrument(instrument),
                eventType == null || eventType.isBlank() ? null : eventType, legalFrom, validAt != null ? validAt : legalTo, recordedAt,
                Filters.page(page), Filters.size(size));
        return queries.query(query, ResponseTypes.instanceOf(HistoryPage.class)).join();
    }

    @GetMapping("/api/states/{state}/history")
    @Operation(summary = "One state's history")
    public HistoryPage stateHistory(@PathVariable String state,
                                    @RequestParam(required = false) String body,
                                    @RequestParam(required = false) String instrument,
                                    @RequestParam(required = false) String eventType,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalFrom,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate legalTo,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                    @RequestParam(required = false) Instant recordedAt,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "100") int size) {
        return history(state, body, instrument, eventType, legalFrom, legalTo, validAt, recordedAt, page, size);
    }
}
