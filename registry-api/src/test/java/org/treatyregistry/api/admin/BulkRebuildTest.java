package org.treatyregistry.api.admin;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.treatyregistry.projections.Projections;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.ConsentAction;
import org.treatyregistry.core.ratification.CorrectParticipationFactCommand;
import org.treatyregistry.core.ratification.RecordRatificationCommand;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.ratification.WithdrawReservationCommand;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.benchmark.Dataset;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.Histories;
import org.treatyregistry.api.support.PassThroughUpcaster;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.projections.facts.FactProjection;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.history.FindHistoryAfterQuery;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistoryProjection;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk rebuild writes, table by table and row by row, what the live projection wrote event by event: on the
 * embedded store (JDBC batches) and on PostgreSQL (COPY, indexes rebuilt), over a synthetic record with every kind of
 * fact, corrections included; and nothing appended during a rebuild is lost.
 */
class BulkRebuildTest {

    @TempDir
    Path dir;

    @Test
    void rebuildsExactlyWhatTheLiveProjectionBuiltOnTheEmbeddedStore() throws Exception {
        try (RunningRegistry registry = RunningRegistry.embedded(dir.resolve("data"), false).start()) {
            rebuildsExactlyWhatTheLiveProjectionBuilt(registry);
        }
    }

    @Test
    void rebuildsExactlyWhatTheLiveProjectionBuiltOnPostgres() throws Exception {
        try (RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            rebuildsExactlyWhatTheLiveProjectionBuilt(registry);
        }
    }

    @Test
    void factsRecordedDuringARebuildReachTheReadModels() throws Exception {
        try (RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            Dataset.Party party = load(registry, 6, 20_000).parties().get(0);
            String participation = "participation:" + party.state().value() + ":" + party.instrument().code().value();
            Http http = registry.http();
            ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
            AtomicInteger recorded = new AtomicInteger();
            Thread desk = new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    Http.Response r = http.post(("/api/states/" + party.state().value() + "/participations/" + party.instrument().code().value() + "/reservations"),
                            "{\"reference\": \"during rebuild " + i + "\", \"kind\": \"DECLARATION\", \"article\": \"1\","
                                    + " \"text\": \"A declaration recorded while the read models are rebuilt.\", \"madeOn\": \"2024-01-0" + (1 + i % 9) + "\"}");
                    if (r.status() == 201) {
                        recorded.incrementAndGet();
                    }
                }
            });
            assertThat(http.post("/api/admin/projections/rebuild", "").status()).isEqualTo(202);
            desk.start();
            desk.join(Duration.ofMinutes(3).toMillis());
            assertThat(admin.awaitCaughtUp(Duration.ofMinutes(3))).isTrue();

            assertThat(recorded.get()).as("every write was accepted").isEqualTo(30);
            Long facts = registry.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM projected_fact", Long.class))
                    .as("one projected fact per event, those recorded during the rebuild included").isEqualTo(facts);
            List<HistoryEntry> history = history(registry);
            assertThat(history).as("one history entry per event").hasSize(facts.intValue());
            assertThat(history.stream().filter(e -> e.streamId().equals(participation) && e.eventType().equals("ReservationEnteredEvent"))
                    .count()).isEqualTo(registry.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                            + " AND payload_type LIKE '%ReservationEnteredEvent'", Long.class, participation)).isGreaterThanOrEqualTo(30);
            Map<String, List<String>> live = tables(registry);
            rebuild(registry);
            assertThat(tables(registry)).isEqualTo(live);
        }
    }

    @Test
    void factsLeaveTheirJsonToTheEventStoreUntilItCannotBeReadFromThere() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        Map<String, List<String>> before;
        List<HistoryEntry> historyBefore;
        try (RunningRegistry registry = RunningRegistry.postgres(db, false).start()) {
            load(registry, 4, 3_000);
            JdbcTemplate jdbc = registry.jdbc();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projected_fact WHERE corrects_seq IS NULL AND payload IS NOT NULL", Long.class))
                    .as("a fact that is its event's payload is not copied").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projected_fact WHERE corrects_seq IS NULL", Long.class)).isGreaterThan(2_000);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projected_fact WHERE corrects_seq IS NOT NULL AND payload IS NULL", Long.class))
                    .as("a correction's fact is not its event's payload").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM projected_fact WHERE corrects_seq IS NOT NULL", Long.class)).isPositive();
            before = tables(registry);
            historyBefore = history(registry);
            assertThat(before.get("history_entry")).as("the history is read from the event store").isEmpty();
        }
        // an upcaster now reinterprets stored payloads: the rows must carry the facts as the projection saw them
        EventUpcaster upcaster = new PassThroughUpcaster();
        try (RunningRegistry registry = RunningRegistry.postgres(db, false).withPrimaryBean("anUpcaster", EventUpcaster.class, upcaster).start()) {
            assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(3))).isTrue();
            assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM projected_fact WHERE payload IS NULL", Long.class))
                    .as("rebuilt at start, every row with its JSON").isZero();
            Map<String, List<String>> after = tables(registry);
            assertThat(after.get("projected_fact")).hasSameSizeAs(before.get("projected_fact"));
            // nor can the history be read from the event store: it is the projection's table again, the same entries
            assertThat(after.get("history_entry")).hasSize(historyBefore.size());
            assertThat(history(registry)).isEqualTo(historyBefore);
            before.keySet().stream().filter(table -> !table.equals("projected_fact") && !table.equals("history_entry"))
                    .forEach(table -> assertThat(after.get(table)).as(table).isEqualTo(before.get(table)));
        }
    }

    /**
     * A participation's row is worked out from the standing kept since its last rewrite when a batch only adds facts
     * (RatificationStatusReadModel; RatificationStatusRowsTest checks it on many more histories): over many small batches of reservations entered (new references and withdrawn
     * ones entered again), withdrawn and corrected, under several sources, the live rows are those a rebuild works
     * out from all the facts.
     */
    @Test
    void participationRowsKeptFromBatchToBatchAreTheRowsARebuildWorksOut() throws Exception {
        try (RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            CommandGateway commands = registry.bean(CommandGateway.class);
            ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
            StateCode state = StateCode.of("KAZ");
            List<InstrumentCode> instruments = List.of(InstrumentCode.of("ICCPR"), InstrumentCode.of("CAT"), InstrumentCode.of("CRC"));
            List<Source> sources = List.of(Source.document("C.N.1.2024.TREATIES"), Source.document("C.N.2.2024.TREATIES"),
                    new Source(null, "https://treaties.un.org", null));
            Map<InstrumentCode, List<String>> active = new LinkedHashMap<>();
            Map<InstrumentCode, Map<String, Long>> enteredAt = new LinkedHashMap<>();
            Map<InstrumentCode, Long> nextSequence = new LinkedHashMap<>();
            for (InstrumentCode instrument : instruments) {
                send(commands, new RecordRatificationCommand(state, instrument, ConsentAction.RATIFICATION,
                        LegalDate.ofDay(LocalDate.of(2000, 1, 3)), null, sources.get(0)));
                active.put(instrument, new ArrayList<>());
                enteredAt.put(instrument, new LinkedHashMap<>());
                nextSequence.put(instrument, 1L);
            }
            Random random = new Random(11);
            int entered = 0;
            int withdrawn = 0;
            int corrected = 0;
            for (int i = 0; i < 150; i++) {
                InstrumentCode instrument = instruments.get(random.nextInt(instruments.size()));
                List<String> inForce = active.get(instrument);
                Source source = sources.get(random.nextInt(sources.size()));
                int choice = random.nextInt(10);
                LegalDate on = LegalDate.ofDay(LocalDate.of(2001, 1, 1).plusDays(i));
                if (choice < 2 && !inForce.isEmpty()) {
                    String reference = inForce.remove(random.nextInt(inForce.size()));
                    send(commands, new WithdrawReservationCommand(state, instrument, reference, on, source));
                    enteredAt.get(instrument).remove(reference);
                    withdrawn++;
                } else if (choice < 3 && !inForce.isEmpty()) {
                    String reference = inForce.get(random.nextInt(inForce.size()));
                    send(commands, new CorrectParticipationFactCommand(state, instrument, enteredAt.get(instrument).get(reference),
                            "text corrected", source, reservation(state, instrument, reference, "corrected " + i, on, source)));
                    corrected++;
                } else {
                    // a small pool of references, so that withdrawn ones are entered again
                    String reference = "reference " + random.nextInt(12);
                    if (inForce.contains(reference)) {
                        continue;
                    }
                    send(commands, reservation(state, instrument, reference, "text " + i, on, source));
                    inForce.add(reference);
                    enteredAt.get(instrument).put(reference, nextSequence.get(instrument));
                    entered++;
                }
                nextSequence.merge(instrument, 1L, Long::sum);
                // batches of a few events, so that a participation's row is rewritten many times: from its kept standing
                if (i % 3 == 2) {
                    assertThat(admin.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
                }
            }
            assertThat(admin.awaitCaughtUp(Duration.ofMinutes(1))).isTrue();
            assertThat(withdrawn).isGreaterThan(12);
            assertThat(corrected).isGreaterThan(6);
            assertThat(entered).isGreaterThan(40);
            assertThat(active.values().stream().mapToInt(List::size).max().orElse(0)).as("reservations in force at the end").isGreaterThan(5);
            Map<String, List<String>> live = tables(registry);
            assertThat(live.get("participation_status")).hasSize(3);
            rebuild(registry);
            assertThat(tables(registry).get("participation_status")).isEqualTo(live.get("participation_status"));
        }
    }

    /**
     * A killed instance leaves its claims on the processor's segments until they lapse (10 s). A rebuild asked for in
     * that time used to try to take the tokens over at once and fail (500); it now waits for the claims to lapse and
     * rebuilds.
     */
    @Test
    void aRebuildRightAfterACrashWaitsForTheDeadInstancesClaimsToLapse() throws Exception {
        try (RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            load(registry, 2, 2_000);
            Map<String, List<String>> live = tables(registry);
            registry.bean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow().shutDown();
            // as a killed instance leaves them: claimed, and stamped a moment ago
            assertThat(registry.jdbc().update("UPDATE token_entry SET owner = 'killed@elsewhere', token_timestamp = ? WHERE processor_name = ?",
                    GenericEventMessage.clock.instant().toString(), Projections.PROCESSING_GROUP)).isPositive();
            registry.jdbc().update("DELETE FROM participation_status");
            rebuild(registry);
            assertThat(tables(registry)).isEqualTo(live);
            assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM token_entry WHERE owner = 'killed@elsewhere'", Long.class)).isZero();
        }
    }

    /**
     * Claims that another instance keeps renewing are a live instance's: the rebuild cannot take its segments, says so
     * (409, with what to do) and leaves this instance's processor running, the read models as they were.
     */
    @Test
    void aRebuildRefusesWhileAnotherLiveInstanceHoldsTheSegments() throws Exception {
        try (RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start()) {
            load(registry, 2, 2_000);
            Map<String, List<String>> live = tables(registry);
            StreamingEventProcessor processor = registry.bean(EventProcessingConfiguration.class)
                    .eventProcessor(Projections.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            java.util.concurrent.atomic.AtomicBoolean renewing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread other = new Thread(() -> {
                while (renewing.get()) {
                    registry.jdbc().update("UPDATE token_entry SET owner = 'alive@elsewhere', token_timestamp = ? WHERE processor_name = ?",
                            GenericEventMessage.clock.instant().toString(), Projections.PROCESSING_GROUP);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            other.start();
            try {
                Http.Response refused = registry.http().post("/api/admin/projections/rebuild", "");
                assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                assertThat(refused.json().path("errorCode").asText()).isEqualTo("SEGMENTS_CLAIMED");
                assertThat(processor.isRunning()).as("this instance's processor runs on").isTrue();
            } finally {
                renewing.set(false);
                other.join();
            }
            assertThat(tables(registry)).isEqualTo(live);
        }
    }

    private static RecordReservationCommand reservation(StateCode state, InstrumentCode instrument, String reference, String text,
                                                        LegalDate on, Source source) {
        return new RecordReservationCommand(state, instrument, reference, ReservationKind.DECLARATION, "2", text, on, source);
    }

    private static void send(CommandGateway commands, Object command) {
        CommandOutcome outcome = commands.sendAndWait(command, MetaData.with("recordedBy", "test"));
        assertThat(outcome.result()).as(command.toString()).isEqualTo(CommandOutcome.Result.RECORDED);
    }

    private void rebuildsExactlyWhatTheLiveProjectionBuilt(RunningRegistry registry) throws Exception {
        load(registry, 4, 6_000);
        Map<String, List<String>> live = tables(registry);
        List<HistoryEntry> history = history(registry);
        assertThat(history).hasSizeGreaterThan(5_000);
        assertThat(live.get("history_entry")).as("the history is read from the event store, not written").isEmpty();
        assertThat(live.get("projected_fact")).hasSizeGreaterThan(5_000);
        assertThat(live.get("projected_fact").stream().filter(row -> row.contains("ReportSubmittedEvent"))).isNotEmpty();

        registry.jdbc().update("DELETE FROM participation_status WHERE state_code = 'ABW'");
        registry.jdbc().update("UPDATE projected_fact SET recorded_by = 'tampered'");
        rebuild(registry);

        Map<String, List<String>> rebuilt = tables(registry);
        live.forEach((table, rows) -> assertThat(rebuilt.get(table)).as(table).isEqualTo(rows));
        assertThat(history(registry)).isEqualTo(history);
    }

    /** A synthetic record of {@code states} states, through the event-log import, projected by the live processor. */
    private Dataset.Summary load(RunningRegistry registry, int states, int events) throws Exception {
        Path file = dir.resolve("dataset.jsonl");
        Dataset.Summary summary = new Dataset(registry.bean("eventSerializer", Serializer.class), states, events).write(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            registry.bean(EventLog.class).importInto(lines);
        }
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
        return summary;
    }

    private static void rebuild(RunningRegistry registry) {
        assertThat(registry.http().post("/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
    }

    /** The whole history, as the registry shows it. */
    private static List<HistoryEntry> history(RunningRegistry registry) {
        return Histories.all(registry.bean(HistoryProjection.class),
                new FindHistoryAfterQuery(null, null, null, null, null, null, null, Long.MIN_VALUE, 5_000));
    }

    /** Every row of every read-model table, as text, in a fixed order. */
    private static Map<String, List<String>> tables(RunningRegistry registry) {
        List<ReadModelTable> all = new ArrayList<>(registry.bean(FactProjection.class).tables());
        all.add(HistoryProjection.TABLE);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ReadModelTable table : all) {
            String columns = String.join(", ", table.columns());
            rows.put(table.name(), registry.jdbc().query("SELECT " + columns + " FROM " + table.name() + " ORDER BY "
                            + java.util.stream.IntStream.rangeClosed(1, table.columns().size()).mapToObj(Integer::toString).collect(Collectors.joining(", ")),
                    (rs, i) -> {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= table.columns().size(); c++) {
                            row.append(rs.getString(c)).append('\u001f');
                        }
                        return row.toString();
                    }));
        }
        return rows;
    }
}
