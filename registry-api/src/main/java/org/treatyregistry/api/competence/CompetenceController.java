package org.treatyregistry.api.competence;

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
import org.treatyregistry.projections.competence.CompetenceRecognitionList;
import org.treatyregistry.projections.competence.FindCompetenceRecognitionsQuery;

@RestController
@Tag(name = "Competence recognitions")
public class CompetenceController {

    private final QueryGateway queries;

    public CompetenceController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/competences")
    @Operation(summary = "Which treaty bodies can receive communications concerning a state, since when, on what basis")
    public CompetenceRecognitionList competences(@RequestParam(required = false) String state,
                                                 @RequestParam(required = false) String body,
                                                 @RequestParam(required = false) String mechanism,
                                                 @Parameter(description = "the recognitions in force on this day")
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                                 @Parameter(description = "what the registry had recorded by this instant (ISO-8601)")
                                                 @RequestParam(required = false) Instant recordedAt) {
        return queries.query(new FindCompetenceRecognitionsQuery(Filters.state(state), Filters.body(body), Filters.mechanism(mechanism),
                validAt, recordedAt), ResponseTypes.instanceOf(CompetenceRecognitionList.class)).join();
    }

    @GetMapping("/api/states/{state}/competences")
    @Operation(summary = "One state's competence recognitions")
    public CompetenceRecognitionList stateCompetences(@PathVariable String state,
                                                      @RequestParam(required = false) String body,
                                                      @RequestParam(required = false) String mechanism,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt,
                                                      @RequestParam(required = false) Instant recordedAt) {
        return competences(state, body, mechanism, validAt, recordedAt);
    }
}
