package org.treatyregistry.api.upr;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.api.web.Filters;
import org.treatyregistry.projections.upr.FindUprCyclesQuery;
import org.treatyregistry.projections.upr.UprCycleList;

@RestController
@Tag(name = "Universal Periodic Review")
public class UprController {

    private final QueryGateway queries;

    public UprController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/states/{state}/upr")
    @Operation(summary = "A state's UPR cycles: review date, national report, outcome, mid-term report")
    public UprCycleList cycles(@PathVariable String state) {
        return queries.query(new FindUprCyclesQuery(Filters.state(state)), ResponseTypes.instanceOf(UprCycleList.class)).join();
    }
}
