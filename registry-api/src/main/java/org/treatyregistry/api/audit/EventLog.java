package org.treatyregistry.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.treatyregistry.core.shared.RegistryException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event stream as JSON Lines, one event a line, with its position, stream, type and revision, timestamp, payload
 * and metadata, the exact stored text of both (what the hash chain covers) and its chain link. Importing such a file
 * into an empty store reproduces the registry: the events keep their identifiers, sequence numbers and timestamps.
 */
@Service
// reads and writes the JDBC event store's tables: with Axon Server, config.AxonServerAuditEndpoints answers instead
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventLog {

    private static final int IMPORT_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final Serializer eventSerializer;

    public EventLog(JdbcTemplate jdbc, ObjectMapper json, EventStorageEngine storage, TransactionManager transactions,
                    @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.json = json;
        this.storage = storage;
        this.transactions = transactions;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Writes the events of one state ({@code null}: all) recorded up to {@code recordedUpTo} ({@code null}: all).
     *
     * @return how many lines were written
     */
    public long export(String state, Instant recordedUpTo, OutputStream out) {
        String where = state == null ? "" : " WHERE e.aggregate_identifier LIKE ? OR e.aggregate_identifier = ?";
        Object[] args = state == null ? new Object[0] : new Object[]{"%:" + state + ":%", "upr:" + state};
        long[] written = {0};
        jdbc.query("SELECT " + StoredEvent.COLUMNS.replaceAll("(\\w+)", "e.$1") + ", c.previous_hash, c.hash FROM domain_event_entry e"
                + " LEFT JOIN event_chain c ON c.global_index = e.global_index" + where + " ORDER BY e.global_index", rs -> {
            StoredEvent event = StoredEvent.read(rs);
            if (recordedUpTo != null && Instant.parse(event.timeStamp()).isAfter(recordedUpTo)) {
                return;
            }
            ObjectNode line = json.createObjectNode();
            line.put("globalIndex", event.globalIndex());
            line.put("eventIdentifier", event.eventIdentifier());
            line.put("aggregateIdentifier", event.aggregateIdentifier());
            line.put("aggregateType", event.aggregateType());
            line.put("sequenceNumber", event.sequenceNumber());
            line.put("eventType", event.payloadType());
            line.put("revision", event.payloadRevision());
            line.put("timestamp", event.timeStamp());
            line.set("payload", parse(event.payloadText()));
            line.set("metaData", event.metaData() == null ? json.createObjectNode() : parse(event.metaDataText()));
            line.put("storedPayload", event.payloadText());
            line.put("storedMetaData", event.metaDataText());
            ObjectNode chain = line.putObject("chain");
            chain.put("previousHash", rs.getString("previous_hash"));
            chain.put("hash", rs.getString("hash"));
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[0]++;
        }, args);
        return written[0];
    }

    /** Appends the events of a JSON Lines log to an empty store, in batches, through the event store (so they are chained). */
    public long importInto(BufferedReader lines) throws IOException {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        if (existing != null && existing > 0) {
            throw RegistryException.conflict("STORE_NOT_EMPTY", null,
                    "an event log is imported into an empty store only; this store holds " + existing + " events");
        }
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        long count = 0;
        int lineNumber = 0;
        String text;
        while ((text = lines.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            batch.add(toMessage(text, lineNumber));
            count++;
            if (batch.size() == IMPORT_BATCH) {
                append(batch);
            }
        }
        append(batch);
        return count;
    }

    private void append(List<DomainEventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            List<DomainEventMessage<?>> copy = List.copyOf(batch);
            transactions.executeInTransaction(() -> storage.appendEvents(copy));
            batch.clear();
        }
    }

    private DomainEventMessage<?> toMessage(String text, int lineNumber) {
        try {
            JsonNode line = json.readTree(text);
            String type = required(line, "eventType", lineNumber);
            String revision = line.path("revision").isNull() || line.path("revision").isMissingNode() ? null : line.path("revision").asText();
            String stored = line.hasNonNull("storedPayload") ? line.get("storedPayload").asText() : json.writeValueAsString(line.get("payload"));
            Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(stored, String.class, type, revision));
            Map<String, Object> meta = json.convertValue(line.path("metaData"), json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            return new GenericDomainEventMessage<>(line.path("aggregateType").asText(null), required(line, "aggregateIdentifier", lineNumber),
                    line.path("sequenceNumber").asLong(), payload, meta == null ? MetaData.emptyInstance() : meta,
                    required(line, "eventIdentifier", lineNumber), Instant.parse(required(line, "timestamp", lineNumber)));
        } catch (JsonProcessingException e) {
            throw RegistryException.invalid("MALFORMED_JSON", "line " + lineNumber, "line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (e instanceof RegistryException r) {
                throw r;
            }
            throw RegistryException.invalid("INVALID_EVENT", "line " + lineNumber, "line " + lineNumber + " is not a registry event: " + e.getMessage());
        }
    }

    private static String required(JsonNode line, String field, int lineNumber) {
        if (!line.hasNonNull(field)) {
            throw RegistryException.invalid("MISSING_FIELD", "line " + lineNumber + "." + field, "line " + lineNumber + " has no " + field);
        }
        return line.get(field).asText();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
