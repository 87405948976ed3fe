package org.treatyregistry.api.recording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.core.competence.CorrectCompetenceFactCommand;
import org.treatyregistry.core.competence.RecognizeCompetenceCommand;
import org.treatyregistry.core.competence.RecordCompetenceOptOutCommand;
import org.treatyregistry.core.competence.WithdrawCompetenceCommand;
import org.treatyregistry.core.ratification.CorrectParticipationFactCommand;
import org.treatyregistry.core.ratification.RecordDenunciationCommand;
import org.treatyregistry.core.ratification.RecordRatificationCommand;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.RecordSignatureCommand;
import org.treatyregistry.core.ratification.WithdrawReservationCommand;
import org.treatyregistry.core.reporting.CorrectReportingFactCommand;
import org.treatyregistry.core.reporting.RecordConcludingObservationsCommand;
import org.treatyregistry.core.reporting.RecordFollowUpSubmissionCommand;
import org.treatyregistry.core.reporting.RecordListOfIssuesPriorToReportingCommand;
import org.treatyregistry.core.reporting.RecordReportSubmissionCommand;
import org.treatyregistry.core.reporting.RecordReviewCommand;
import org.treatyregistry.core.reporting.ReviseDueDateCommand;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.upr.CorrectUprFactCommand;
import org.treatyregistry.core.upr.RecordUprMidTermReportCommand;
import org.treatyregistry.core.upr.RecordUprReviewCommand;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.projections.facts.FindStreamVersionQuery;
import org.treatyregistry.projections.facts.Json;
import org.treatyregistry.projections.facts.StreamVersion;

import java.security.Principal;
import java.util.Optional;
import java.time.Duration;
import java.util.Map;

/**
 * One endpoint per domain action. The state (and instrument, body, mechanism) come from the address; the body holds
 * the rest of the command's fields. 201 when the fact is recorded, 200 when an identical fact was already recorded.
 * Optional headers: {@code Idempotency-Key} (a retry returns the first answer) and {@code If-Match: "version"} (refused
 * with 409 and the current version if the record changed since).
 */
@RestController
@RequestMapping(path = "/api/states/{state}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Recording facts")
public class RecordingController {

    /** A client's id for a request: a retry with the same key returns the first answer and records nothing twice. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandBinder binder;
    private final Recorder recorder;
    private final ProjectionAdmin projections;
    private final IdempotentRequests requests;
    private final QueryGateway queries;
    private final ObjectMapper json;

    public RecordingController(CommandBinder binder, Recorder recorder, ProjectionAdmin projections, IdempotentRequests requests,
                               QueryGateway queries, ObjectMapper json) {
        this.binder = binder;
        this.recorder = recorder;
        this.projections = projections;
        this.requests = requests;
        this.queries = queries;
        this.json = json;
    }

    @PostMapping("/participations/{instrument}/signature")
    @Operation(summary = "Record the signature of an instrument")
    public ResponseEntity<RecordingResult> signature(@PathVariable String state, @PathVariable String instrument,
                                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordSignatureCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.SIGNATURE, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/participations/{instrument}/ratification")
    @Operation(summary = "Record the deposit of ratification, accession or succession; entry into force is computed and the reporting obligation opens")
    public ResponseEntity<RecordingResult> ratification(@PathVariable String state, @PathVariable String instrument,
                                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordRatificationCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.RATIFICATION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/participations/{instrument}/reservations")
    @Operation(summary = "Record a reservation or declaration")
    public ResponseEntity<RecordingResult> reservation(@PathVariable String state, @PathVariable String instrument,
                                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordReservationCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.RESERVATION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/participations/{instrument}/reservation-withdrawals")
    @Operation(summary = "Record the withdrawal of a reservation or declaration")
    public ResponseEntity<RecordingResult> reservationWithdrawal(@PathVariable String state, @PathVariable String instrument,
                                                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WithdrawReservationCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.RESERVATION_WITHDRAWAL, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/participations/{instrument}/denunciation")
    @Operation(summary = "Record a denunciation")
    public ResponseEntity<RecordingResult> denunciation(@PathVariable String state, @PathVariable String instrument,
                                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordDenunciationCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.DENUNCIATION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/participations/{instrument}/corrections")
    @Operation(summary = "Correct a recorded participation fact (the original stays in the history)")
    public ResponseEntity<RecordingResult> participationCorrection(@PathVariable String state, @PathVariable String instrument,
                                                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CorrectParticipationFactCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.PARTICIPATION_CORRECTION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/competences/{body}/{mechanism}/recognition")
    @Operation(summary = "Record that a treaty body may receive communications (or inquire, or visit); the basis comes from the catalogue")
    public ResponseEntity<RecordingResult> recognition(@PathVariable String state, @PathVariable("body") String treatyBody,
                                                       @PathVariable String mechanism,
                                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecognizeCompetenceCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.COMPETENCE_RECOGNITION, body, Map.of("state", state, "body", treatyBody, "mechanism", mechanism), user);
    }

    @PostMapping("/competences/{body}/{mechanism}/opt-out")
    @Operation(summary = "Record an opt-out from an inquiry procedure")
    public ResponseEntity<RecordingResult> optOut(@PathVariable String state, @PathVariable("body") String treatyBody,
                                                  @PathVariable String mechanism,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordCompetenceOptOutCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.COMPETENCE_OPT_OUT, body, Map.of("state", state, "body", treatyBody, "mechanism", mechanism), user);
    }

    @PostMapping("/competences/{body}/{mechanism}/withdrawal")
    @Operation(summary = "Record the withdrawal of a recognition")
    public ResponseEntity<RecordingResult> competenceWithdrawal(@PathVariable String state, @PathVariable("body") String treatyBody,
                                                                @PathVariable String mechanism,
                                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WithdrawCompetenceCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.COMPETENCE_WITHDRAWAL, body, Map.of("state", state, "body", treatyBody, "mechanism", mechanism), user);
    }

    @PostMapping("/competences/{body}/{mechanism}/corrections")
    @Operation(summary = "Correct a recorded competence fact")
    public ResponseEntity<RecordingResult> competenceCorrection(@PathVariable String state, @PathVariable("body") String treatyBody,
                                                                @PathVariable String mechanism,
                                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CorrectCompetenceFactCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.COMPETENCE_CORRECTION, body, Map.of("state", state, "body", treatyBody, "mechanism", mechanism), user);
    }

    @PostMapping("/obligations/{instrument}/reports")
    @Operation(summary = "Record a report received by the committee")
    public ResponseEntity<RecordingResult> report(@PathVariable String state, @PathVariable String instrument,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordReportSubmissionCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.REPORT, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/loiprs")
    @Operation(summary = "Record a list of issues prior to reporting (simplified procedure): the reply is the report, due by the date set")
    public ResponseEntity<RecordingResult> loipr(@PathVariable String state, @PathVariable String instrument,
                                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordListOfIssuesPriorToReportingCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.LOIPR, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/reviews")
    @Operation(summary = "Record a review (dialogue) by the committee, with or without a report")
    public ResponseEntity<RecordingResult> review(@PathVariable String state, @PathVariable String instrument,
                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordReviewCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.REVIEW, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/concluding-observations")
    @Operation(summary = "Record concluding observations: the next report's due date as set by the committee, and follow-up requests")
    public ResponseEntity<RecordingResult> concludingObservations(@PathVariable String state, @PathVariable String instrument,
                                                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordConcludingObservationsCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.CONCLUDING_OBSERVATIONS, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/follow-ups")
    @Operation(summary = "Record follow-up information submitted on concluding observations")
    public ResponseEntity<RecordingResult> followUp(@PathVariable String state, @PathVariable String instrument,
                                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordFollowUpSubmissionCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.FOLLOW_UP, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/due-date-revisions")
    @Operation(summary = "Record a due date revised by the committee, with the reason")
    public ResponseEntity<RecordingResult> dueDateRevision(@PathVariable String state, @PathVariable String instrument,
                                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReviseDueDateCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.DUE_DATE_REVISION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/obligations/{instrument}/corrections")
    @Operation(summary = "Correct a recorded reporting fact (the original stays in the history)")
    public ResponseEntity<RecordingResult> reportingCorrection(@PathVariable String state, @PathVariable String instrument,
                                                               @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CorrectReportingFactCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.REPORTING_CORRECTION, body, Map.of("state", state, "instrument", instrument), user);
    }

    @PostMapping("/upr/reviews")
    @Operation(summary = "Record a Universal Periodic Review")
    public ResponseEntity<RecordingResult> uprReview(@PathVariable String state,
                                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordUprReviewCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.UPR_REVIEW, body, Map.of("state", state), user);
    }

    @PostMapping("/upr/mid-term-reports")
    @Operation(summary = "Record a UPR mid-term report")
    public ResponseEntity<RecordingResult> uprMidTerm(@PathVariable String state,
                                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RecordUprMidTermReportCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.UPR_MID_TERM_REPORT, body, Map.of("state", state), user);
    }

    @PostMapping("/upr/corrections")
    @Operation(summary = "Correct a recorded UPR fact")
    public ResponseEntity<RecordingResult> uprCorrection(@PathVariable String state,
                                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = CorrectUprFactCommand.class))) @RequestBody ObjectNode body, Principal user) {
        return record(FactKind.UPR_CORRECTION, body, Map.of("state", state), user);
    }

    private ResponseEntity<RecordingResult> record(FactKind kind, ObjectNode body, Map<String, String> context, Principal user) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String recordedBy = user == null ? "anonymous" : user.getName();
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return execute(kind, body, context, recordedBy, request);
        }
        if (key.isBlank() || key.length() > 200) {
            throw RegistryException.invalid("INVALID_IDEMPOTENCY_KEY", IDEMPOTENCY_KEY, "an Idempotency-Key is 1 to 200 characters");
        }
        String scoped = recordedBy + "\u001f" + key;
        String fingerprint = fingerprint(recordedBy, kind, context, body);
        Optional<IdempotentRequests.Stored> first = requests.reserveOrAwait(scoped, fingerprint);
        if (first.isPresent()) {
            return replay(first.get(), fingerprint);
        }
        try {
            ResponseEntity<RecordingResult> answer = execute(kind, body, context, recordedBy, request);
            requests.complete(scoped, answer.getStatusCode().value(), Json.write(json, answer.getBody()));
            return answer;
        } catch (RuntimeException e) {
            requests.release(scoped);
            throw e;
        }
    }

    private ResponseEntity<RecordingResult> execute(FactKind kind, ObjectNode body, Map<String, String> context, String recordedBy,
                                                    HttpServletRequest request) {
        Object command = binder.bind(kind, body, context);
        CommandOutcome outcome = recorder.record(command, recordedBy, null, expectedVersion(request.getHeader(HttpHeaders.IF_MATCH)));
        // read-your-writes: answer once the calendar shows the change, within a bounded wait
        boolean projected = projections.awaitCaughtUp(Duration.ofSeconds(5));
        Long version = projected ? queries.query(new FindStreamVersionQuery(outcome.aggregateId()),
                ResponseTypes.instanceOf(StreamVersion.class)).join().version() : null;
        HttpStatus status = outcome.result() == CommandOutcome.Result.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        RecordingResult result = new RecordingResult(outcome.aggregateId(), outcome.result().name(), projected, version);
        return ResponseEntity.status(status).eTag(version == null ? null : "\"" + version + "\"").body(result);
    }

    private ResponseEntity<RecordingResult> replay(IdempotentRequests.Stored first, String fingerprint) {
        if (!first.fingerprint().equals(fingerprint)) {
            throw RegistryException.conflict("IDEMPOTENCY_KEY_REUSED", IDEMPOTENCY_KEY,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        RecordingResult result = Json.read(json, first.response(), new com.fasterxml.jackson.core.type.TypeReference<RecordingResult>() {
        });
        return ResponseEntity.status(first.status()).header("Idempotent-Replayed", "true")
                .eTag(result.version() == null ? null : "\"" + result.version() + "\"").body(result);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw RegistryException.invalid("INVALID_VERSION", HttpHeaders.IF_MATCH, "If-Match carries the record's version, e.g. \"3\"");
        }
    }

    private String fingerprint(String user, FactKind kind, Map<String, String> context, ObjectNode body) {
        String text = user + "|" + kind + "|" + new java.util.TreeMap<>(context) + "|" + Json.write(json, body);
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
