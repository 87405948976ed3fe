package org.treatyregistry.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.projections.history.FindHistoryAfterQuery;
import org.treatyregistry.projections.history.HistoryProjection;
import org.treatyregistry.projections.history.HistorySlice;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain on PostgreSQL, where appends commit without the chain head's lock and the sealer links them afterwards: the
 * order of the chain, positions still held by transactions in progress, concurrency, tampering after the change, and
 * the all-or-nothing event-log import (also on H2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainSealingTest {

    private static final String MARKED_INSERT = "WITH registered AS (INSERT INTO event_chain_pending (event_identifier) VALUES (?)"
            + " RETURNING event_identifier) INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data) SELECT registered.event_identifier, ?, 0,"
            + " 'Participation', ?, 'org.treatyregistry.core.ratification.ReservationEnteredEvent', '1', ?, ? FROM registered";

    private RunningRegistry registry;
    private Http http;
    private final AtomicInteger references = new AtomicInteger();

    @BeforeAll
    void start() {
        registry = RunningRegistry.postgres(TestPostgres.newDatabase(), true).start();
        http = registry.http();
        for (String state : List.of("URY", "CHL", "PER", "BOL")) {
            Http.Response ratified = http.post("/api/states/" + state + "/participations/CRPD/ratification",
                    "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2009-02-11\",\"source\":{\"symbol\":\"C.N.99.2009.TREATIES-15\"}}");
            assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);
        }
        // the model of the appends written by hand below
        record("URY");
    }

    @AfterAll
    void stop() {
        registry.stop();
    }

    @Test
    void anEventCommittedAboveAPositionStillHeldIsSealedAfterItInOrder() throws Exception {
        assertThat(verification().path("intact").asBoolean()).isTrue();
        try (Connection held = registry.bean(DataSource.class).getConnection()) {
            held.setAutoCommit(false);
            // a registry-style append (marker first, then the row) that draws its global index and does not commit yet
            long heldIndex = insertMarkedEvent(held, "COL", Instant.now());
            record("URY");
            JsonNode meanwhile = verification();
            assertThat(meanwhile.path("intact").asBoolean()).as(meanwhile.toString()).isTrue();
            assertThat(meanwhile.path("unsealed").asLong()).as("the later event waits for the earlier position").isEqualTo(1);
            assertThat(meanwhile.path("eventsChecked").asLong()).isEqualTo(registry.eventCount() - 1);
            String exported = http.get("/api/audit/events.jsonl?state=URY").body();
            JsonNode last = lastLine(exported);
            assertThat(last.path("chain").path("pending").asBoolean()).as(last.toString()).isTrue();
            assertThat(last.path("chain").path("hash").isNull()).isTrue();

            held.commit();
            JsonNode after = verification();
            assertThat(after.path("intact").asBoolean()).as(after.toString()).isTrue();
            assertThat(after.path("unsealed").asLong()).isZero();
            assertThat(after.path("eventsChecked").asLong()).isEqualTo(registry.eventCount());
            // the held event is linked at its own position, and the later one after it
            List<Map<String, Object>> links = registry.jdbc().queryForList(
                    "SELECT global_index, previous_hash, hash FROM event_chain WHERE global_index >= ? ORDER BY global_index LIMIT 2", heldIndex);
            assertThat(links).hasSize(2);
            assertThat(((Number) links.get(0).get("global_index")).longValue()).isEqualTo(heldIndex);
            assertThat(links.get(1).get("previous_hash")).isEqualTo(links.get(0).get("hash"));
        }
    }

    /**
     * Axon's JDBC reader remembers a missing position as a gap only when the event above it looks younger than its gap
     * timeout (by the event's timestamp, which is set before the commit: a slow commit, or another instance's clock
     * running behind, makes it look old). The read models read up to the sealed head only, so they wait for the
     * position whatever the timestamps say.
     */
    @Test
    void theReadModelsWaitForAPositionStillHeldEvenWhenTheEventAboveItLooksOld() throws Exception {
        long before = registry.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        long held;
        long later;
        try (Connection holding = registry.bean(DataSource.class).getConnection();
             Connection other = registry.bean(DataSource.class).getConnection()) {
            holding.setAutoCommit(false);
            held = insertMarkedEvent(holding, "ARG", Instant.now());
            later = insertMarkedEvent(other, "PRY", Instant.now().minus(Duration.ofMinutes(10)));
            assertThat(later).isGreaterThan(held);
            // the sealer runs within milliseconds of a commit and the reader right after it: give both ample time
            Thread.sleep(1500);
            assertThat(projectedAt(later)).as("the later event is not read while the position below it is held").isZero();
            holding.commit();
        }
        assertThat(registry.bean(org.treatyregistry.api.admin.ProjectionAdmin.class).awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(projectedAt(held)).as("the event committed late is in the read models").isEqualTo(1);
        assertThat(projectedAt(later)).isEqualTo(1);
        assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM projected_fact f JOIN domain_event_entry e"
                + " ON f.stream_id = e.aggregate_identifier AND f.sequence_number = e.sequence_number WHERE e.global_index > ?", Long.class, before))
                .isEqualTo(registry.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?", Long.class, before));
    }

    /**
     * Readers are woken by their own instance's sealer only (SealedEventStore), so a sealer wakes them also when the
     * events were linked by another instance's: here a second sealer on the same database, standing for that instance.
     */
    @Test
    void aSealerWakesItsReadersWhenAnotherInstanceMovedTheHead() {
        ChainSealer own = registry.bean(ChainSealer.class);
        ChainSealer other = new ChainSealer(registry.bean(DataSource.class), Duration.ofMillis(10), Duration.ofSeconds(1));
        AtomicInteger woken = new AtomicInteger();
        other.onSealed(woken::incrementAndGet);
        own.sealCommitted();
        other.sealCommitted();
        assertThat(woken.get()).as("the head it had not seen").isEqualTo(1);
        other.sealCommitted();
        assertThat(woken.get()).as("nothing new").isEqualTo(1);
        record("URY");
        own.sealCommitted();
        other.sealCommitted();
        assertThat(woken.get()).as("linked by the other sealer").isEqualTo(2);
    }

    /** Whether the event at this position is in the read models (its projected fact), and in the history. */
    private long projectedAt(long globalIndex) {
        long facts = registry.jdbc().queryForObject("SELECT COUNT(*) FROM projected_fact f JOIN domain_event_entry e"
                + " ON f.stream_id = e.aggregate_identifier AND f.sequence_number = e.sequence_number WHERE e.global_index = ?", Long.class, globalIndex);
        HistorySlice history = registry.bean(HistoryProjection.class).handle(new FindHistoryAfterQuery(null, null, null, null, null, null,
                null, globalIndex - 1, 1));
        long inHistory = history.items().stream().filter(e -> e.globalIndex() == globalIndex).count();
        assertThat(inHistory).as("the history shows the event at " + globalIndex + " exactly when the read models have it").isEqualTo(facts);
        return facts;
    }

    @Test
    void aPositionRolledBackIsPassedOver() throws Exception {
        try (Connection abandoned = registry.bean(DataSource.class).getConnection()) {
            abandoned.setAutoCommit(false);
            insertMarkedEvent(abandoned, "VEN", Instant.now());
            record("CHL");
            abandoned.rollback();
        }
        record("CHL");
        JsonNode result = verification();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("unsealed").asLong()).isZero();
        assertThat(result.path("eventsChecked").asLong()).isEqualTo(registry.eventCount());
    }

    /**
     * The read models wait for the sealer, so a long transaction that does not write events (another table, another
     * database on the server) must not keep it from passing a position an append rolled back.
     */
    @Test
    void aLongTransactionElsewhereDoesNotHoldTheChainOrTheReadModelsBack() throws Exception {
        try (Connection unrelated = registry.bean(DataSource.class).getConnection()) {
            unrelated.setAutoCommit(false);
            try (var s = unrelated.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE long_running (n INT)");
                s.execute("INSERT INTO long_running VALUES (1)");
            }
            try (Connection abandoned = registry.bean(DataSource.class).getConnection()) {
                abandoned.setAutoCommit(false);
                insertMarkedEvent(abandoned, "GUY", Instant.now());
                record("BOL");
                abandoned.rollback();
            }
            long above = registry.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            JsonNode result = verification();
            assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.path("unsealed").asLong()).as("sealed past the rolled-back position").isZero();
            assertThat(registry.bean(org.treatyregistry.api.admin.ProjectionAdmin.class).awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(projectedAt(above)).isEqualTo(1);
            unrelated.rollback();
        }
    }

    @Test
    void eventsAppendedFromManyThreadsAllEndInOneVerifiedChain() throws Exception {
        long before = registry.eventCount();
        CommandGateway commands = registry.bean(CommandGateway.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommandOutcome>> outcomes = new ArrayList<>();
            String[] states = {"URY", "CHL", "PER", "BOL"};
            for (int i = 0; i < 200; i++) {
                String state = states[i % states.length];
                outcomes.add(pool.submit(() -> commands.sendAndWait(reservation(state), MetaData.with("recordedBy", "test"))));
            }
            for (Future<CommandOutcome> outcome : outcomes) {
                assertThat(outcome.get().result()).isEqualTo(CommandOutcome.Result.RECORDED);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(registry.eventCount()).isEqualTo(before + 200);
        JsonNode result = verification();
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("unsealed").asLong()).isZero();
        assertThat(result.path("eventsChecked").asLong()).isEqualTo(registry.eventCount());
        assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM event_chain_pending", Long.class))
                .as("every marker is gone once its event is linked").isZero();
    }

    @Test
    void anEventInsertedByHandStaysOutOfTheChainAndAnEditedLinkIsFound() throws Exception {
        // written outside the registry (no marker): the sealer goes past it, verification names it
        Map<String, Object> model = registry.jdbc().queryForMap("SELECT * FROM domain_event_entry ORDER BY global_index DESC LIMIT 1");
        registry.jdbc().update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), "participation:ZZZ:CRPD", 0, model.get("type"), model.get("time_stamp"),
                model.get("payload_type"), model.get("payload_revision"), model.get("payload"), model.get("meta_data"));
        long inserted = registry.jdbc().queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        JsonNode unchained = verification();
        assertThat(unchained.path("intact").asBoolean()).isFalse();
        assertThat(unchained.path("problem").asText()).as(unchained.toString()).isEqualTo("UNCHAINED");
        assertThat(unchained.path("firstProblemAt").asLong()).isEqualTo(inserted);
        // appends go on being linked after it
        record("PER");
        assertThat(verification().path("firstProblemAt").asLong()).isEqualTo(inserted);
        assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM event_chain WHERE global_index > ?", Long.class, inserted)).isEqualTo(1);
        registry.jdbc().update("DELETE FROM domain_event_entry WHERE global_index = ?", inserted);
        assertThat(verification().path("intact").asBoolean()).isTrue();

        // a link edited in the chain table
        long target = registry.jdbc().queryForObject("SELECT MIN(global_index) + 10 FROM event_chain", Long.class);
        String original = registry.jdbc().queryForObject("SELECT previous_hash FROM event_chain WHERE global_index = ?", String.class, target);
        registry.jdbc().update("UPDATE event_chain SET previous_hash = ? WHERE global_index = ?", "f".repeat(64), target);
        JsonNode broken = verification();
        assertThat(broken.path("problem").asText()).as(broken.toString()).isEqualTo("BROKEN_LINK");
        assertThat(broken.path("firstProblemAt").asLong()).isEqualTo(target);
        registry.jdbc().update("UPDATE event_chain SET previous_hash = ? WHERE global_index = ?", original, target);
        assertThat(verification().path("intact").asBoolean()).isTrue();
    }

    @Test
    void anImportThatFailsOnALineLeavesTheStoreEmptyOnPostgres() {
        String log = eventLogOfAtLeast(260);
        try (RunningRegistry copy = RunningRegistry.postgres(TestPostgres.newDatabase(), false).with("registry.audit.import-chunk", 50).start()) {
            // on PostgreSQL the sealer links in runs, and wakes the event store's readers itself
            assertThat(copy.bean(SealedEventStore.class).sealedInRuns()).isTrue();
            importFailsThenSucceeds(copy, log, () -> {
                // the planner knows what the import wrote, before anything else is appended: a rebuild right after an
                // import reads the streams through their index, not through a sort of the table. The import analysed
                // the tables itself (last_analyze; autovacuum would set last_autoanalyze), and ANALYZE samples every
                // row of tables this small.
                long imported = log.split("\n").length;
                for (String table : List.of("domain_event_entry", "event_chain")) {
                    assertThat(copy.jdbc().queryForObject("SELECT reltuples::bigint FROM pg_class WHERE relname = ?", Long.class, table))
                            .as(table).isEqualTo(imported);
                    // the statistics collector reports the analysis a moment after the commit
                    assertThat(analysedWithin(copy, table, Duration.ofSeconds(10))).as(table).isTrue();
                }
            });
        }
    }

    @Test
    void anImportThatFailsOnALineLeavesTheStoreEmptyOnH2(@TempDir Path dir) {
        String log = eventLogOfAtLeast(260);
        try (RunningRegistry copy = RunningRegistry.embedded(dir, false).with("registry.audit.import-chunk", 50).start()) {
            // on H2 an append links its own events, and wakes the readers at its commit
            assertThat(copy.bean(SealedEventStore.class).sealedInRuns()).isFalse();
            importFailsThenSucceeds(copy, log, () -> { });
        }
    }

    /**
     * The registry's event log, with at least {@code events} events (more than the import's first chunks of 50): recorded
     * here if the tests that ran before did not leave that many, so that the import cases pass in any order and alone.
     */
    private String eventLogOfAtLeast(int events) {
        while (registry.eventCount() < events) {
            record("CHL");
        }
        return http.get("/api/audit/events.jsonl").body();
    }

    /** Whether the statistics collector reports a manual ANALYZE of the table within the time given. */
    private static boolean analysedWithin(RunningRegistry registry, String table, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(registry.jdbc().queryForObject(
                    "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = ?", Boolean.class, table))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void importFailsThenSucceeds(RunningRegistry copy, String log, Runnable afterImport) {
        String[] lines = log.split("\n");
        // past the first chunks of 50, so that part of the file has been written when the bad line is met
        int bad = lines.length - 3;
        assertThat(bad).isGreaterThan(200);
        String[] broken = lines.clone();
        broken[bad - 1] = broken[bad - 1].replace("\"eventType\":\"org.treatyregistry.core.", "\"eventType\":\"org.treatyregistry.core.NoSuch");
        Http target = copy.http();
        Http.Response refused = target.post("/api/admin/event-log", String.join("\n", broken), "application/x-ndjson");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errorCode").asText()).isEqualTo("INVALID_EVENT");
        assertThat(refused.json().path("field").asText()).isEqualTo("line " + bad);
        assertThat(copy.eventCount()).as("nothing of a refused log is kept").isZero();
        assertThat(copy.jdbc().queryForObject("SELECT COUNT(*) FROM event_chain", Long.class)).isZero();

        Http.Response imported = target.post("/api/admin/event-log", log, "application/x-ndjson");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(copy.eventCount()).isEqualTo(lines.length);
        afterImport.run();
        JsonNode verified = target.get("/api/audit/verification").json();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("eventsChecked").asLong()).isEqualTo(lines.length);
        // appends after the import go after it, and are chained
        Http.Response ratified = target.post("/api/states/ECU/participations/CRPD/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2009-02-11\",\"source\":{\"symbol\":\"C.N.99.2009.TREATIES-15\"}}");
        assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);
        JsonNode after = target.get("/api/audit/verification").json();
        assertThat(after.path("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.path("eventsChecked").asLong()).isEqualTo(copy.eventCount());
    }

    /** A registry-style append of a reservation on a new participation of the given state, at the given time. */
    private long insertMarkedEvent(Connection c, String state, Instant at) throws Exception {
        Map<String, Object> model = registry.jdbc().queryForMap("SELECT aggregate_identifier, payload, meta_data FROM domain_event_entry"
                + " WHERE payload_type LIKE '%ReservationEnteredEvent' AND aggregate_identifier LIKE '%URY%' LIMIT 1");
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement(MARKED_INSERT + " RETURNING global_index")) {
            insert.setString(1, id);
            insert.setString(2, ((String) model.get("aggregate_identifier")).replace("URY", state));
            insert.setString(3, at.toString());
            insert.setBytes(4, new String((byte[]) model.get("payload"), StandardCharsets.UTF_8).replace("URY", state).getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, (byte[]) model.get("meta_data"));
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void record(String state) {
        CommandOutcome outcome = registry.bean(CommandGateway.class).sendAndWait(reservation(state), MetaData.with("recordedBy", "test"));
        assertThat(outcome.result()).isEqualTo(CommandOutcome.Result.RECORDED);
    }

    private RecordReservationCommand reservation(String state) {
        return new RecordReservationCommand(StateCode.of(state), InstrumentCode.of("CRPD"), "declaration " + references.incrementAndGet(),
                ReservationKind.DECLARATION, "2", "The State interprets article 2 in good faith.",
                LegalDate.ofDay(LocalDate.of(2010, 5, 2)), Source.document("C.N.2.2010.TREATIES"));
    }

    private JsonNode verification() {
        return http.get("/api/audit/verification").json();
    }

    private static JsonNode lastLine(String jsonl) throws Exception {
        String[] lines = jsonl.split("\n");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1].getBytes(StandardCharsets.UTF_8));
    }
}
