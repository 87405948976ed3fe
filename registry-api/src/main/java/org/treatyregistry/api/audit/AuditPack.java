package org.treatyregistry.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.treatyregistry.api.calendar.CalendarController;
import org.treatyregistry.api.calendar.CalendarController.CalendarFilters;
import org.treatyregistry.api.export.CsvWriter;
import org.treatyregistry.projections.calendar.CalendarEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One download for an auditor: a state's obligations as of a day (JSON and CSV), the events that produced them (JSON
 * Lines, with their chain links), the verification of the whole chain, an offline verifier, and a SHA-256 manifest.
 */
@Service
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class AuditPack {

    private final CalendarController calendar;
    private final EventLog eventLog;
    private final ChainVerifier verifier;
    private final ObjectMapper json;

    public AuditPack(CalendarController calendar, EventLog eventLog, ChainVerifier verifier, ObjectMapper json) {
        this.calendar = calendar;
        this.eventLog = eventLog;
        this.verifier = verifier;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(String state, LocalDate validAt, Instant recordedAt, OutputStream out) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<CalendarEntry> obligations = obligations(state, validAt, recordedAt);
        try {
            files.put("obligations.json", json.writeValueAsBytes(Map.of("state", state, "validAt", validAt.toString(),
                    "recordedAt", recordedAt == null ? "everything recorded when the pack was made" : recordedAt.toString(),
                    "items", obligations)));
            files.put("obligations.csv", CsvWriter.write(obligations, CalendarEntry.class).getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream events = new ByteArrayOutputStream();
            eventLog.export(state, recordedAt, events);
            files.put("events.jsonl", events.toByteArray());
            files.put("chain-verification.json", json.writeValueAsBytes(verifier.verify()));
            files.put("verify_chain.py", resource("/audit/verify_chain.py"));
            files.put("README.txt", resource("/audit/README.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(sha256(bytes)).append("  ").append(name).append('\n'));
        files.put("MANIFEST.sha256", manifest.toString().getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("audit-" + state + "-" + validAt + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CalendarEntry> obligations(String state, LocalDate validAt, Instant recordedAt) {
        return calendar.queryAll(new CalendarFilters(state, null, null, null, null, null, null, validAt, null, recordedAt, true));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = AuditPack.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
