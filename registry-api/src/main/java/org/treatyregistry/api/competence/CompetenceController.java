package org.treatyregistry.api.competence;

import io.swagger.v3.oas.annotations.Operation;
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
                                                 @RequestParam(required = false) String mechanism) {
        return queries.query(new FindCompetenceRecognitionsQuery(Filters.state(state), Filters.body(body), Filters.mechanism(mechanism)),
                ResponseTypes.instanceOf(CompetenceRecognitionList.class)).join();
    }

    @GetMapping("/api/states/{state}/competences")
    @Operation(summary = "One state's competence recognitions")
    public CompetenceRecognitionList stateCompetences(@PathVariable String state,
                                                      @RequestParam(required = false) String body,
                                                      @RequestParam(required = false) String mechanism) {
        return competences(state, body, mechanism);
    }
}
