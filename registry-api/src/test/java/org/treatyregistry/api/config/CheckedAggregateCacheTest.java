package org.treatyregistry.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.ratification.Participation;
import org.treatyregistry.core.ratification.RecordReservationCommand;
import org.treatyregistry.core.ratification.ReservationKind;
import org.treatyregistry.core.ratification.WithdrawReservationCommand;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.RegistryException;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate cache on the real PostgreSQL store: commands are answered from memory, a command that appends reads
 * nothing of the store first, and a command on a cached aggregate still gets the answer the stream as stored deserves
 * when another writer (another instance, an import) appended to it meanwhile: whether the command appends (the store
 * refuses the append and the command goes again), is refused, or finds its fact already recorded (checked, and the
 * command goes again).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckedAggregateCacheTest {

    private RunningRegistry registry;
    private CommandGateway commands;
    private CheckedAggregateCache participations;

    @BeforeAll
    void start() {
        registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start();
        commands = registry.bean(CommandGateway.class);
        for (String state : java.util.List.of("URY", "CHL")) {
            Http.Response ratified = registry.http().post("/api/states/" + state + "/participations/CRPD/ratification",
                    "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2009-02-11\",\"source\":{\"symbol\":\"C.N.99.2009.TREATIES-15\"}}");
            assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);
        }
        participations = registry.bean(AggregateCaches.class).of(Participation.class).orElseThrow();
    }

    @AfterAll
    void stop() {
        registry.stop();
    }

    @Test
    void aSecondCommandOnAnAggregateIsAnsweredFromMemoryWithoutReadingTheStore() {
        record("URY", "declaration " + UUID.randomUUID());
        long hits = participations.hits();
        long outdated = participations.outdated();
        long checks = participations.checks();
        record("URY", "declaration " + UUID.randomUUID());
        assertThat(participations.hits()).isEqualTo(hits + 1);
        assertThat(participations.outdated()).isEqualTo(outdated);
        assertThat(participations.checks()).as("an append needs no check: the store's unique key guards it").isEqualTo(checks);
    }

    @Test
    void aCommandOnACachedAggregateSeesWhatAnotherWriterAppended() {
        Appended theirs = anotherWriterAppendsAfter("CHL", "declaration " + UUID.randomUUID());
        long outdated = participations.outdated();

        // judged on the cached aggregate, their declaration would be unknown (RESERVATION_NOT_FOUND)
        CommandOutcome withdrawn = commands.sendAndWait(withdraw("CHL", theirs.reference()), MetaData.with("recordedBy", "test"));
        assertThat(withdrawn.result()).isEqualTo(CommandOutcome.Result.RECORDED);
        assertThat(participations.outdated()).as("the cached aggregate was found behind the store").isEqualTo(outdated + 1);
        assertThat(lastSequenceNumber(theirs.aggregateId())).isEqualTo(theirs.sequenceNumber() + 1);
    }

    @Test
    void aCommandThatAppendsOnAStaleAggregateGoesAgainOnTheStreamAsStored() {
        Appended theirs = anotherWriterAppendsAfter("CHL", "declaration " + UUID.randomUUID());
        long hits = participations.hits();
        long checks = participations.checks();

        // on the cached aggregate its event takes the sequence number theirs holds: the store refuses it, and the
        // command, sent again on the stream read anew, is recorded after theirs (without the retry: 409)
        String mine = "declaration " + UUID.randomUUID();
        record("CHL", mine);
        assertThat(participations.hits()).as("first judged on the cached aggregate").isEqualTo(hits + 1);
        assertThat(participations.checks()).isEqualTo(checks);
        assertThat(lastSequenceNumber(theirs.aggregateId())).isEqualTo(theirs.sequenceNumber() + 1);
        assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = ? AND convert_from(payload, 'UTF8') LIKE ?", Long.class, theirs.aggregateId(),
                theirs.sequenceNumber() + 1, "%" + mine + "%")).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutAppendOnAStaleAggregateIsCheckedAndGivenOnTheStreamAsStored() {
        String mine = "declaration " + UUID.randomUUID();
        Appended theirs = anotherWriterAppendsAfter("URY", mine);
        long outdated = participations.outdated();

        // the same declaration again records nothing, stale or not; but it is an answer judged on the cached aggregate
        CommandOutcome again = commands.sendAndWait(reservation("URY", mine), MetaData.with("recordedBy", "test"));
        assertThat(again.result()).isEqualTo(CommandOutcome.Result.ALREADY_RECORDED);
        assertThat(participations.outdated()).as("checked, and found behind the store").isEqualTo(outdated + 1);
        assertThat(lastSequenceNumber(theirs.aggregateId())).isEqualTo(theirs.sequenceNumber());
    }

    @Test
    void aRefusalOnACurrentAggregateIsCheckedOnceAndGivenAsItIs() {
        record("URY", "declaration " + UUID.randomUUID());
        long checks = participations.checks();
        long outdated = participations.outdated();
        assertThatThrownBy(() -> commands.sendAndWait(withdraw("URY", "never entered " + UUID.randomUUID()),
                MetaData.with("recordedBy", "test")))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo("RESERVATION_NOT_FOUND"));
        assertThat(participations.checks()).as("one check, no second attempt").isEqualTo(checks + 1);
        assertThat(participations.outdated()).isEqualTo(outdated);
    }

    @Test
    void checksEachLookupAtOnceWhereAStaleAppendWouldBeFoundTooLate() {
        record("URY", "declaration " + UUID.randomUUID());
        String key = "participation:URY:CRPD";
        // outside a unit of work a lookup is checked at once: the registry's entry, current
        Object entry = participations.get(key);
        assertThat(entry).isNotNull();
        EventStore store = registry.bean(EventStore.class);
        CheckedAggregateCache afterTheFact = new CheckedAggregateCache(store::lastSequenceNumberFor, 10);
        CheckedAggregateCache everyLookup = new CheckedAggregateCache(store::lastSequenceNumberFor, 10, true);
        afterTheFact.put(key, entry);
        everyLookup.put(key, entry);
        DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        try {
            assertThat((Object) afterTheFact.get(key)).isSameAs(entry);
            assertThat(afterTheFact.checks()).as("left to the command's outcome").isZero();
            assertThat((Object) everyLookup.get(key)).isSameAs(entry);
            assertThat(everyLookup.checks()).as("checked before the command runs (Axon Server)").isEqualTo(1);
        } finally {
            command.rollback();
        }
    }

    @Test
    void holdsNoMoreThanItsCapacityAndNeverTrustsAnEntryWithoutAVersion() {
        CheckedAggregateCache cache = new CheckedAggregateCache(id -> java.util.Optional.of(0L), 2);
        cache.put("a", new Object());
        cache.put("b", new Object());
        cache.put("c", new Object());
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("a")).as("the least recently used goes first").isFalse();
        assertThat((Object) cache.get("b")).isNull();
        assertThat(cache.outdated()).isEqualTo(1);
        assertThat(cache.containsKey("b")).isFalse();
    }

    private record Appended(String aggregateId, long sequenceNumber, String reference) {
    }

    /**
     * Records a declaration through the registry (so that its participation is cached), then appends another one after
     * it straight into the store, as another instance would: the cached aggregate is then one event behind.
     */
    private Appended anotherWriterAppendsAfter(String state, String mine) {
        record(state, mine);
        Map<String, Object> last = registry.jdbc().queryForMap("SELECT * FROM domain_event_entry WHERE aggregate_identifier ="
                + " (SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%ReservationEnteredEvent'"
                + " AND convert_from(payload, 'UTF8') LIKE ?) ORDER BY sequence_number DESC LIMIT 1", "%" + mine + "%");
        String theirs = "declaration " + UUID.randomUUID();
        String payload = new String((byte[]) last.get("payload"), StandardCharsets.UTF_8).replace(mine, theirs);
        long sequenceNumber = ((Number) last.get("sequence_number")).longValue() + 1;
        registry.jdbc().update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), last.get("aggregate_identifier"), sequenceNumber,
                last.get("type"), last.get("time_stamp"), last.get("payload_type"), last.get("payload_revision"),
                payload.getBytes(StandardCharsets.UTF_8), last.get("meta_data"));
        return new Appended((String) last.get("aggregate_identifier"), sequenceNumber, theirs);
    }

    private long lastSequenceNumber(String aggregateId) {
        return registry.jdbc().queryForObject("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private void record(String state, String reference) {
        CommandOutcome outcome = commands.sendAndWait(reservation(state, reference), MetaData.with("recordedBy", "test"));
        assertThat(outcome.result()).isEqualTo(CommandOutcome.Result.RECORDED);
    }

    private static RecordReservationCommand reservation(String state, String reference) {
        return new RecordReservationCommand(StateCode.of(state), InstrumentCode.of("CRPD"), reference,
                ReservationKind.DECLARATION, "2", "The State interprets article 2 in good faith.",
                LegalDate.ofDay(LocalDate.of(2010, 5, 2)), Source.document("C.N.2.2010.TREATIES"));
    }

    private static WithdrawReservationCommand withdraw(String state, String reference) {
        return new WithdrawReservationCommand(StateCode.of(state), InstrumentCode.of("CRPD"), reference,
                LegalDate.ofDay(LocalDate.of(2012, 1, 5)), Source.document("C.N.5.2012.TREATIES"));
    }
}
