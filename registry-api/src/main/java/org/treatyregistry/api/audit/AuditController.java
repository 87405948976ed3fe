package org.treatyregistry.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.treatyregistry.api.web.Filters;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

@RestController
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@Tag(name = "Audit")
public class AuditController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final EventLog eventLog;
    private final ChainVerifier verifier;
    private final AuditPack pack;
    private final ProjectionAdmin projections;

    public AuditController(EventLog eventLog, ChainVerifier verifier, AuditPack pack, ProjectionAdmin projections) {
        this.projections = projections;
        this.eventLog = eventLog;
        this.verifier = verifier;
        this.pack = pack;
    }

    @GetMapping(path = "/api/audit/events.jsonl", produces = "application/x-ndjson")
    @Operation(summary = "The event stream (or one state's) as JSON Lines, with each event's stored content and chain link")
    public ResponseEntity<StreamingResponseBody> events(@RequestParam(required = false) String state,
                                                        @RequestParam(required = false) Instant recordedAt) {
        String s = Filters.state(state);
        StreamingResponseBody body = out -> eventLog.export(s, recordedAt, out);
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("treaty-registry-events" + (s == null ? "" : "-" + s) + ".jsonl").build().toString())
                .body(body);
    }

    @PostMapping(path = "/api/admin/event-log", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import a JSON Lines event log into an empty store; the read models then rebuild from it")
    public Map<String, Object> importLog(HttpServletRequest request) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            return Map.of("imported", projections.loadThenRebuild(() -> eventLog.importInto(lines)));
        }
    }

    @GetMapping("/api/audit/verification")
    @Operation(summary = "Recompute the hash chain over the whole store; names the first event that no longer matches")
    public ChainVerification verify() {
        return verifier.verify();
    }

    @GetMapping(path = "/api/states/{state}/audit-pack", produces = "application/zip")
    @Operation(summary = "A zip for an auditor: obligations as of a date (JSON, CSV), the events behind them, the chain check, a manifest")
    public ResponseEntity<StreamingResponseBody> auditPack(@PathVariable String state,
                                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                           @RequestParam(required = false) Instant recordedAt) {
        String s = Filters.state(state);
        StreamingResponseBody body = out -> pack.write(s, date, recordedAt, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + s + "-" + date + ".zip").build().toString())
                .body(body);
    }
}
