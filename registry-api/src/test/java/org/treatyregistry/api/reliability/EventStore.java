package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the registry's PostgreSQL database directly, with no registry process involved: what is really in the event
 * store (the source of truth) and in the token store, whatever the processes said.
 */
final class EventStore {

    /** One stored event, its payload and metadata parsed. */
    record Event(long globalIndex, String stream, long sequence, String type, JsonNode payload, JsonNode metaData) {

        /** The payload's text field, or null. */
        String text(String field) {
            JsonNode value = payload.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }
    }

    /** A segment of an event processor: who holds its claim, and how far it is (-1: none yet). */
    record Segment(int segment, String owner, long position, boolean replaying) {
    }

    private final String url;
    private final String user;
    private final String password;

    EventStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    List<Event> events() {
        List<Event> events = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String type = rs.getString(4);
                events.add(new Event(rs.getLong(1), rs.getString(2), rs.getLong(3), type.substring(type.lastIndexOf('.') + 1),
                        json(rs.getBytes(5)), json(rs.getBytes(6))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    long count() {
        return queryLong("SELECT COUNT(*) FROM domain_event_entry");
    }

    long queryLong(String sql) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token store's segments of a processor. */
    List<Segment> segments(String processor) {
        List<Segment> segments = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT segment, owner, token FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            s.setString(1, processor);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] token = rs.getBytes(3);
                    String text = token == null ? "" : new String(token, StandardCharsets.UTF_8);
                    segments.add(new Segment(rs.getInt(1), rs.getString(2), position(text), text.contains("tokenAtReset")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return segments;
    }

    /**
     * The position a serialised token has reached: the index of its (current) global sequence token. A replay token
     * holds both the token at reset and the current one; the current one is the last "index" in the JSON.
     */
    private static long position(String tokenJson) {
        if (tokenJson.isEmpty()) {
            return -1;
        }
        try {
            JsonNode token = TreatyRecords.JSON.readTree(tokenJson);
            JsonNode current = token.has("currentToken") ? token.path("currentToken") : token;
            if (current.isNull() || current.isMissingNode()) {
                return -1;
            }
            return current.path("index").asLong(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(tokenJson, e);
        }
    }

    /**
     * The event store's own invariants, which a crash must not break: every stream's sequence numbers are 0, 1, 2...
     * without a gap or a repeat, and every ratification whose instrument has reports and whose entry into force is
     * known is followed by the opening of its reporting obligation (the two are stored in one transaction).
     */
    void assertConsistent() {
        List<Event> events = events();
        Map<String, List<Long>> sequences = new TreeMap<>();
        for (Event e : events) {
            sequences.computeIfAbsent(e.stream(), s -> new ArrayList<>()).add(e.sequence());
        }
        sequences.forEach((stream, seq) -> {
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < seq.size(); i++) {
                expected.add(i);
            }
            assertThat(seq).as("sequence numbers of " + stream + " in global order").isEqualTo(expected);
        });
        Set<String> opened = new HashSet<>();
        events.stream().filter(e -> e.type().equals("ReportingObligationOpenedEvent")).forEach(e -> opened.add(e.stream()));
        for (Event e : events) {
            if (e.type().equals("TreatyRatifiedEvent") && e.text("entryIntoForce") != null
                    && TreatyCatalogue.instrument(InstrumentCode.of(e.text("instrument"))).reporting().opensObligation()) {
                String obligation = "obligation:" + e.text("state") + ":" + e.text("instrument");
                assertThat(opened).as("the ratification " + e.stream() + " was stored without the opening of " + obligation).contains(obligation);
            }
        }
    }

    /**
     * How many events the read models lack (0 once the projections have caught up): events without their projected
     * fact. (The history is read from the events themselves on this store, so it cannot lack one.)
     */
    long eventsMissingFromReadModels() {
        return queryLong("SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM projected_fact f"
                + " WHERE f.stream_id = e.aggregate_identifier AND f.sequence_number = e.sequence_number)");
    }

    /** Events per stream and type, for lookups: stream -> type -> events. */
    static Map<String, Map<String, List<Event>>> index(List<Event> events) {
        Map<String, Map<String, List<Event>>> index = new HashMap<>();
        for (Event e : events) {
            index.computeIfAbsent(e.stream(), s -> new HashMap<>()).computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e);
        }
        return index;
    }

    private static JsonNode json(byte[] bytes) {
        if (bytes == null) {
            return TreatyRecords.JSON.nullNode();
        }
        try {
            return TreatyRecords.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
