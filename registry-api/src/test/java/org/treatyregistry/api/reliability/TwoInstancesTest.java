package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestPostgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two registry processes on one PostgreSQL database, as a deployment with two nodes behind a load balancer: the
 * projection work is coordinated through token claims, commands through the event store's unique (stream, sequence)
 * constraint, and when one node dies the other takes over its share of the projection work.
 *
 * <p>Observed with Axon 4.13's pooled processor: the node started first claims both segments (a pooled processor
 * claims every segment it can; nothing rebalances them), the second node processes nothing while the first lives, and
 * takes both over when it dies. The test asserts that every segment is held by a live node, not that they are split.
 * {@code -Dregistry.two.observe-ms=30000} keeps both nodes up longer and prints every change of ownership.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final String PROCESSOR = "registry-projections";
    private static final String RECORD = "participation:NOR:CRC";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private EventStore store;
    private RegistryProcess a;
    private RegistryProcess b;
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeAll
    void start() {
        TestPostgres.Database db = TestPostgres.newDatabase();
        store = new EventStore(db.url(), db.user(), db.password());
        a = instance("pair-a", db).start();
        b = instance("pair-b", db).start();
    }

    private static RegistryProcess instance(String name, TestPostgres.Database db) {
        return RegistryProcess.postgres(name, db.url(), db.user(), db.password())
                .with("axon.eventhandling.processors." + PROCESSOR + ".initial-segment-count", "2")
                // a dead node's claims are released after this long (Axon's default is 10 s)
                .with("axon.eventhandling.tokenstore.claim-timeout", "5s");
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        a.close();
        b.close();
    }

    /** One POST and its answer, with the instance it was sent to. */
    record Attempt(String instance, String reference, boolean ifMatch, int status, String contentType, String errorCode, String body,
                   long millis) {
    }

    @Test
    void twoInstancesShareTheProjectionWorkKeepCommandsConsistentAndTakeOverFromADeadOne() throws Exception {
        Http.Response ratified = a.http().post("/api/states/NOR/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1991-01-08\"}");
        assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);

        // the token store: both segments of the projection processor are claimed, each by one of the two live nodes
        Map<Integer, String> owners = awaitOwners(Set.of(a, b));
        // and who holds them, sampled while both nodes live: a new line for every change
        List<String> ownership = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            long t0 = System.nanoTime();
            String last = "";
            while (sampling.get()) {
                String now = store.segments(PROCESSOR).stream().map(s -> s.segment() + "=" + (s.owner() == null ? "-"
                        : owns(s.owner(), a) ? "a" : owns(s.owner(), b) ? "b" : s.owner())).collect(Collectors.joining(","));
                if (!now.equals(last)) {
                    ownership.add((System.nanoTime() - t0) / 1_000_000 + "ms:" + now);
                    last = now;
                }
                RegistryProcess.pause(100);
            }
        });
        sampler.start();

        // concurrent commands on one record through both nodes: crowds of eight, half of them with If-Match on the
        // version all of them read; then pairs, one writer per node, without If-Match (each node serialises its own
        // commands on a record, so a pair is the closest race between the nodes)
        List<Attempt> attempts = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            boolean crowd = round < 2;
            long version = store.queryLong("SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = '" + RECORD + "'");
            List<Attempt> answers = concurrently(round, version, crowd ? 8 : 2, crowd);
            assertThat(answers.stream().filter(x -> x.ifMatch() && x.status() == 201).count())
                    .as("of several writers on one version, at most one wins: " + answers).isLessThanOrEqualTo(1);
            if (crowd) {
                assertThat(answers.stream().filter(x -> x.status() != 201).count()).as("refusals in round " + round).isPositive();
            }
            attempts.addAll(answers);
        }
        a.awaitCaughtUp(PATIENCE);
        JsonNode statusA = a.projections();
        JsonNode statusB = b.projections();
        // one uncontended write through each node: does it answer once its read models show it (projected)?
        List<String> single = new ArrayList<>();
        for (RegistryProcess node : List.of(a, b)) {
            long started = System.nanoTime();
            Http.Response r = node.http().post("/api/states/NOR/participations/CRC/reservations", "{\"reference\":\"single via "
                    + node.name() + "\",\"kind\":\"DECLARATION\",\"madeOn\":\"2000-01-01\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            single.add(node.name() + ": " + (System.nanoTime() - started) / 1_000_000 + " ms, " + r.body());
        }
        String statusAfterSingle = "a=" + a.projections() + " b=" + b.projections();

        // checked softly, at the end: what the store holds and the takeover are worth knowing even if an answer was wrong
        SoftAssertions answers = new SoftAssertions();
        for (Attempt x : attempts) {
            answers.assertThat(x.status()).as("never a 5xx, never anything but 201 or 409: " + x).isIn(201, 409);
            if (x.status() >= 400) {
                answers.assertThat(x.contentType()).as("a problem: " + x).startsWith("application/problem+json");
                answers.assertThat(x.errorCode()).as(x.toString()).isIn("CONCURRENT_CHANGE", "VERSION_CONFLICT");
            }
        }

        // in the store: no sequence number twice (the unique constraint held, and the streams have no gap), every
        // acknowledged write exactly once, every refused write not at all
        store.assertConsistent();
        List<EventStore.Event> events = store.events();
        for (Attempt x : attempts) {
            long stored = events.stream().filter(e -> e.stream().equals(RECORD) && e.type().equals("ReservationEnteredEvent")
                    && x.reference().equals(e.text("reference"))).count();
            assertThat(stored).as("stored " + (x.status() == 201 ? "once" : "never") + ": " + x).isEqualTo(x.status() == 201 ? 1 : 0);
        }

        RegistryProcess.pause(Long.getLong("registry.two.observe-ms", 0));
        sampling.set(false);
        sampler.join();
        owners = awaitOwners(Set.of(a, b));

        // kill the node holding segment 0: the survivor claims its segments once the claims time out
        RegistryProcess victim = owns(owners.get(0), a) ? a : b;
        RegistryProcess survivor = victim == a ? b : a;
        long killedAt = System.nanoTime();
        victim.kill();
        Map<Integer, String> after = awaitOwners(Set.of(survivor));
        long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        assertThat(after.values()).allSatisfy(owner -> assertThat(owns(owner, survivor)).isTrue());

        // facts recorded after the takeover, through the survivor, reach its read models; so does everything before
        Http.Response late = survivor.http().post("/api/states/ISL/participations/CRPD/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2016-09-23\"}");
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        survivor.awaitCaughtUp(PATIENCE);
        assertThat(survivor.http().get("/api/states/ISL/calendar?validAt=2020-01-01").json().path("items").toString())
                .contains("obligation:ISL:CRPD");
        assertThat(store.eventsMissingFromReadModels()).isZero();
        int recorded = (int) attempts.stream().filter(x -> x.status() == 201).count();
        long refused = attempts.size() - recorded;
        assertThat(survivor.http().get("/api/states/NOR/ratifications?instrument=CRC").json().path("items").get(0).path("reservations"))
                .as("every acknowledged reservation in the read model").hasSize(recorded + single.size());

        System.out.printf("two instances: segment owners %s (a=%d, b=%s); status a=%s b=%s; %d writes, %d recorded, %d refused "
                        + "(by error code: %s); killed %s, owners after takeover (%d ms) %s%n", owners, a.pid(), pidOr(b), statusA, statusB, attempts.size(), recorded,
                refused, attempts.stream().filter(x -> x.status() != 201)
                        .collect(Collectors.groupingBy(x -> x.status() + " " + x.errorCode(), TreeMap::new, Collectors.counting())), victim.name(), takeoverMillis, after);
        attempts.stream().filter(x -> x.status() != 201 && x.status() != 409).forEach(x -> System.out.println("unexpected answer: " + x));
        System.out.println("segment ownership while both lived: " + ownership);
        System.out.println("uncontended writes: " + single + "; processing status after them: " + statusAfterSingle);
        System.out.println("answer times (ms) by node: " + attempts.stream().collect(Collectors.groupingBy(Attempt::instance, TreeMap::new,
                Collectors.mapping(Attempt::millis, Collectors.toList()))));
        answers.assertAll();
    }

    /** Writers at once, alternately through each node; with If-Match, half of them send the version they all read. */
    private List<Attempt> concurrently(int round, long version, int writers, boolean withIfMatch) throws Exception {
        CyclicBarrier together = new CyclicBarrier(writers);
        List<Future<Attempt>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            RegistryProcess node = i % 2 == 0 ? a : b;
            boolean ifMatch = withIfMatch && i % 4 < 2;
            String reference = "round " + round + " writer " + i;
            futures.add(clients.submit(() -> {
                String body = "{\"reference\":\"" + reference + "\",\"kind\":\"DECLARATION\",\"madeOn\":\"2000-01-01\",\"text\":\"test\"}";
                together.await();
                long started = System.nanoTime();
                Http.Response r = node.http().post("/api/states/NOR/participations/CRC/reservations", body,
                        ifMatch ? Map.of("If-Match", "\"" + version + "\"") : Map.of());
                String code = r.status() >= 400 && r.body().startsWith("{") ? r.json().path("errorCode").asText(null) : null;
                return new Attempt(node.name(), reference, ifMatch, r.status(), r.contentType(), code, r.body(),
                        (System.nanoTime() - started) / 1_000_000);
            }));
        }
        List<Attempt> answers = new ArrayList<>();
        for (Future<Attempt> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    /** Waits until every segment of the processor is claimed by one of these (live) nodes; returns segment -> owner. */
    private Map<Integer, String> awaitOwners(Set<RegistryProcess> nodes) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<EventStore.Segment> segments;
        while (true) {
            segments = store.segments(PROCESSOR);
            if (segments.size() == 2 && segments.stream().allMatch(s -> s.owner() != null && nodes.stream().anyMatch(n -> owns(s.owner(), n)))) {
                Map<Integer, String> owners = new TreeMap<>();
                segments.forEach(s -> owners.put(s.segment(), s.owner()));
                return owners;
            }
            assertThat(System.nanoTime()).as("segments claimed by live nodes within " + PATIENCE + ": " + segments).isLessThan(deadline);
            RegistryProcess.pause(200);
        }
    }

    /** Axon's node id (the token owner) is the JVM's name, "pid@host". */
    private static boolean owns(String owner, RegistryProcess node) {
        return node.isAlive() && owner != null && owner.startsWith(node.pid() + "@");
    }

    private static String pidOr(RegistryProcess node) {
        return Long.toString(node.pid());
    }
}
