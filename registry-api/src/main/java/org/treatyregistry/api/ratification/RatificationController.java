package org.treatyregistry.api.ratification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import java.time.Instant;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.projections.ratification.FindRatificationStatusQuery;
import org.treatyregistry.projections.ratification.RatificationStatusList;

@RestController
@Tag(name = "Ratification status")
public class RatificationController {

    private final QueryGateway queries;

    public RatificationController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/ratifications")
    @Operation(summary = "States × instruments: action, deposit, entry into force and its basis, reservations")
    public RatificationStatusList ratifications(@RequestParam(required = false) String state,
                                                @RequestParam(required = false) String instrument,
                                                @RequestParam(required = false) String body,
                                                @Parameter(description = "the standing in law on this day")
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                                @Parameter(description = "what the registry had recorded by this instant (ISO-8601)")
                                                @RequestParam(required = false) Instant recordedAt) {
        return queries.query(new FindRatificationStatusQuery(Filters.state(state), Filters.instrument(instrument), Filters.body(body),
                validAt, recordedAt), ResponseTypes.instanceOf(RatificationStatusList.class)).join();
    }

    @GetMapping("/api/states/{state}/ratifications")
    @Operation(summary = "One state's ratification status")
    public RatificationStatusList stateRatifications(@PathVariable String state,
                                                     @RequestParam(required = false) String instrument,
                                                     @RequestParam(required = false) String body,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                                     @RequestParam(required = false) Instant recordedAt) {
        return ratifications(state, instrument, body, validAt, recordedAt);
    }
}
