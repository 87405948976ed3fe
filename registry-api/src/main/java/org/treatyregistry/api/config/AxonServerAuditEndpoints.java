package org.treatyregistry.api.config;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The audit endpoints when events are stored in Axon Server (profile {@code axonserver}). The hash chain, the JSON
 * Lines event log and the audit pack are written and read by the registry's own JDBC event store
 * ({@code audit.ChainedJdbcEventStorageEngine}, tables {@code domain_event_entry} and {@code event_chain}); Axon Server
 * keeps events in its own files, which the registry cannot read as tables. Rather than answer from tables that stay
 * empty (a chain of zero events would "verify"), these answer 501 with a problem detail that says so.
 */
@RestController
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@Tag(name = "Audit")
public class AxonServerAuditEndpoints {

    static final String ERROR_CODE = "NOT_AVAILABLE_WITH_AXON_SERVER";

    @GetMapping("/api/audit/events.jsonl")
    @Operation(summary = "Not available with Axon Server: the event log export reads the JDBC event store (answers 501)")
    public ResponseEntity<ProblemDetail> events() {
        return unavailable("the JSON Lines event log");
    }

    @PostMapping("/api/admin/event-log")
    @Operation(summary = "Not available with Axon Server: the event log import writes the JDBC event store (answers 501)")
    public ResponseEntity<ProblemDetail> importLog() {
        return unavailable("importing a JSON Lines event log");
    }

    @GetMapping("/api/audit/verification")
    @Operation(summary = "Not available with Axon Server: the hash chain is kept by the JDBC event store (answers 501)")
    public ResponseEntity<ProblemDetail> verify() {
        return unavailable("the hash-chain verification");
    }

    @GetMapping("/api/states/{state}/audit-pack")
    @Operation(summary = "Not available with Axon Server: the audit pack holds the JDBC event log and chain (answers 501)")
    public ResponseEntity<ProblemDetail> auditPack(@PathVariable String state) {
        return unavailable("the audit pack");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String what) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED, what
                + " is kept by the registry's JDBC event store (hash chain written at append time) and is not available when"
                + " events are stored in Axon Server (profile axonserver). Back up Axon Server with its own tools, or run"
                + " the registry without the axonserver profile to have the chain; see docs/operations.md");
        p.setTitle("Not available with Axon Server");
        p.setType(URI.create("urn:treaty-registry:problem:" + ERROR_CODE));
        p.setProperty("errorCode", ERROR_CODE);
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
