package org.treatyregistry.api.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.api.recording.FactKind;
import org.treatyregistry.api.recording.CommandBinder;
import org.treatyregistry.api.recording.Recorder;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.StateCode;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports a state's record (docs/import-format.md) through the same command path as the REST API: every rule
 * applies, a record already in the store is reported ALREADY_RECORDED (so importing twice changes nothing), and a
 * refused record is reported with its error code, field and reason while the import goes on with the next.
 */
@Service
public class ImportService {

    public static final String FORMAT = "treaty-registry-import/1";
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final CommandBinder binder;
    private final Recorder recorder;
    private final Clock clock;
    private final RegistryProperties properties;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    // one import at a time: records of two imports for one state would interleave
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "registry-import");
        t.setDaemon(true);
        return t;
    });

    private final ProjectionAdmin projections;

    public ImportService(CommandBinder binder, Recorder recorder, Clock clock, RegistryProperties properties,
                         ProjectionAdmin projections) {
        this.projections = projections;
        this.binder = binder;
        this.recorder = recorder;
        this.clock = clock;
        this.properties = properties;
    }

    /** Validates the document's envelope now (so a bad file is refused at once), then imports in the background. */
    public ImportJob start(JsonNode document, String recordedBy) {
        ImportJob job = prepare(document, recordedBy);
        worker.submit(() -> run(job, document));
        return job;
    }

    /** Imports in the calling thread (start-up demo data, tests). */
    public ImportJob.ImportReport runNow(JsonNode document, String recordedBy) {
        ImportJob job = prepare(document, recordedBy);
        run(job, document);
        return job.report();
    }

    public Optional<ImportJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private ImportJob prepare(JsonNode document, String recordedBy) {
        if (document == null || !document.isObject()) {
            throw RegistryException.invalid("MALFORMED_IMPORT", null, "an import file is a JSON object; see docs/import-format.md");
        }
        if (!FORMAT.equals(document.path("format").asText(null))) {
            throw RegistryException.invalid("UNSUPPORTED_FORMAT", "format", "format must be \"" + FORMAT + "\"");
        }
        StateCode state = StateCode.of(document.path("state").asText(null));
        JsonNode records = document.path("records");
        if (!records.isArray()) {
            throw RegistryException.invalid("MALFORMED_IMPORT", "records", "records must be an array");
        }
        if (records.size() > properties.importing().maxRecords()) {
            throw RegistryException.invalid("IMPORT_TOO_LARGE", "records", "an import holds at most "
                    + properties.importing().maxRecords() + " records; split the file");
        }
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), state.value(), records.size(), clock.instant(), recordedBy);
        jobs.put(job.id(), job);
        return job;
    }

    private void run(ImportJob job, JsonNode document) {
        String state = document.path("state").asText();
        Set<String> seen = new HashSet<>();
        try {
            int index = 0;
            for (JsonNode record : document.path("records")) {
                job.add(importOne(index++, record, state, seen, job));
            }
            // like every write, an import is reported done once the calendar and the history show it
            projections.awaitCaughtUp(Duration.ofSeconds(60));
            job.finish(clock.instant());
            ImportJob.ImportReport r = job.report();
            LOG.info("import {} of {}: {} recorded, {} already recorded, {} rejected", job.id(), state, r.recorded(),
                    r.alreadyRecorded(), r.rejected());
        } catch (RuntimeException e) {
            LOG.error("import {} failed", job.id(), e);
            job.fail(clock.instant(), e.getMessage());
        }
    }

    private ImportRecordResult importOne(int index, JsonNode record, String state, Set<String> seen, ImportJob job) {
        String id = record.path("id").asText(null);
        String fact = record.path("fact").asText(null);
        try {
            if (!(record instanceof ObjectNode fields)) {
                throw RegistryException.invalid("MALFORMED_RECORD", "records[" + index + "]", "a record is a JSON object");
            }
            if (id == null || id.isBlank()) {
                throw RegistryException.invalid("MISSING_FIELD", "id", "every record needs an id");
            }
            if (!seen.add(id)) {
                throw RegistryException.invalid("DUPLICATE_ID", "id", "id '" + id + "' appears twice in the file");
            }
            FactKind kind = FactKind.byName(fact).orElseThrow(() -> RegistryException.invalid("UNKNOWN_FACT", "fact",
                    "'" + fact + "' is not a kind of record; see docs/import-format.md"));
            ObjectNode copy = fields.deepCopy();
            copy.remove("id");
            Object command = binder.bind(kind, copy, Map.of("state", state));
            CommandOutcome outcome = recorder.record(command, job.report().recordedBy(), job.id());
            return new ImportRecordResult(index, id, fact, outcome.result().name(), outcome.aggregateId(), null, null, null);
        } catch (RegistryException e) {
            return new ImportRecordResult(index, id, fact, "REJECTED", null, e.errorCode(), e.field(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            return new ImportRecordResult(index, id, fact, "REJECTED", null, "NOT_FOUND", null,
                    "nothing is recorded for " + e.getAggregateIdentifier() + "; record the ratification (with its entry into force) first");
        }
    }
}
