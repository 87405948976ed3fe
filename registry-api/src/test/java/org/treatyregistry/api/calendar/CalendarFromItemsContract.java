package org.treatyregistry.api.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.benchmark.Dataset;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.MutableClock;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.calendar.CalendarPage;
import org.treatyregistry.projections.calendar.CalendarQueryHandler;
import org.treatyregistry.projections.calendar.CalendarRollover;
import org.treatyregistry.projections.calendar.FindCalendarQuery;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar answered from the items the projection derived for today must be exactly the calendar derived on read
 * (the specification), for every combination of filters, and stay so when the day turns: derived on read until the
 * rollover re-derives the items, then from the items again. Runs on a generated multi-state record plus Kazakhstan's
 * real one, on each store (see the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CalendarFromItemsContract {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<String> STATUSES = Arrays.stream(ScheduleItem.Status.values()).map(Enum::name).toList();
    private static final Set<String> ICS = Set.of("UPCOMING", "DUE_SOON", "OVERDUE", "REVIEWED_WITHOUT_REPORT");

    private final MutableClock clock = new MutableClock(TODAY);
    private RunningRegistry registry;
    private CalendarQueryHandler calendar;
    private CalendarRollover rollover;
    private ObjectMapper json;
    private List<String> states;

    /** A registry on a fresh, empty store of this kind, without demo data. */
    abstract RunningRegistry newRegistry() throws Exception;

    @BeforeAll
    void start() throws Exception {
        registry = newRegistry()
                .with("registry.calendar.rollover.enabled", "false")
                .with("registry.reminders.schedule.enabled", "false")
                .withPrimaryBean("movableTestClock", Clock.class, clock)
                .start();
        calendar = registry.bean(CalendarQueryHandler.class);
        rollover = registry.bean(CalendarRollover.class);
        json = registry.bean(ObjectMapper.class);
        Path file = Files.createTempFile("calendar-dataset-", ".jsonl");
        new Dataset(registry.bean("eventSerializer", Serializer.class), 4, 6_000).write(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            registry.bean(EventLog.class).importInto(lines);
        }
        Files.delete(file);
        // Kazakhstan's real record: lists of issues, committee decisions, combined reports
        String demo = new String(getClass().getResourceAsStream("/demo/kazakhstan.json").readAllBytes(), StandardCharsets.UTF_8);
        awaitImport(registry.http().post("/api/imports", demo));
        awaitCaughtUp();
        states = new ArrayList<>(registry.jdbc().queryForList("SELECT DISTINCT state_code FROM reporting_obligation ORDER BY state_code",
                String.class));
        assertThat(states).hasSizeGreaterThan(3).contains("KAZ");
    }

    @AfterAll
    void stop() {
        if (registry != null) {
            registry.stop();
        }
    }

    @Test
    @Order(1)
    void theItemsAnswerExactlyAsTheDerivationForEveryFilter() throws Exception {
        List<FindCalendarQuery> queries = queries(new Random(11), 300);
        long nonEmpty = 0;
        Set<String> statusesSeen = new HashSet<>();
        for (FindCalendarQuery query : queries) {
            CalendarPage page = assertSameAnswer(query);
            nonEmpty += page.items().isEmpty() || !answeredFromItems(query) ? 0 : 1;
            if (answeredFromItems(query)) {
                page.items().forEach(e -> statusesSeen.add(e.status()));
            }
        }
        assertThat(nonEmpty).as("answers from the items with items").isGreaterThanOrEqualTo(20);
        assertThat(statusesSeen).as("statuses in the answers from the items").contains("UPCOMING", "DUE_SOON", "OVERDUE",
                "SUBMITTED_AWAITING_REVIEW");
        // the query handler itself (as the gateway calls it) answers the same
        FindCalendarQuery all = query(null, null, null, Set.of(), Set.of(), false, null, null, 90, 0, 100);
        assertThat(calendar.handle(all)).isEqualTo(calendar.deriveOnRead(all));
    }

    @Test
    @Order(2)
    void theAnswerStaysExactWhenTheDayTurns() throws Exception {
        // a day after a treaty-default item falls due: the derivation then extends that chain with one more item
        List<CalendarEntry> upcoming = calendar.deriveOnRead(query(null, null, null, Set.of("UPCOMING", "DUE_SOON"), Set.of(),
                false, null, null, 90, 0, 1000)).items();
        Set<String> stored = new HashSet<>(registry.jdbc().queryForList("SELECT uid FROM calendar_item", String.class));
        LocalDate later = null;
        String newUid = null;
        for (CalendarEntry entry : upcoming) {
            if (!"TREATY_RULE".equals(entry.basisKind()) || entry.dueLatest() == null) {
                continue;
            }
            LocalDate day = entry.dueLatest().plusDays(1);
            Optional<String> added = calendar.deriveOnRead(new FindCalendarQuery(entry.state(), null, entry.instrument(), Set.of(),
                    null, null, day, 90, null, false, 0, 1000)).items().stream().map(CalendarEntry::uid).filter(u -> !stored.contains(u)).findFirst();
            if (added.isPresent()) {
                later = day;
                newUid = added.get();
                break;
            }
        }
        assertThat(later).as("a chain item that falls due").isNotNull();

        clock.setToday(later);
        List<FindCalendarQuery> queries = queries(new Random(12), 60);
        for (FindCalendarQuery query : queries) {
            if (!"ZZZ".equals(query.state())) { // (a state without obligations has nothing to derive)
                assertThat(calendar.fromItems(query)).as("items derived for another day: " + query).isEmpty();
            }
            assertThat(calendar.handle(query)).as(query.toString()).isEqualTo(calendar.deriveOnRead(query));
        }

        // one state re-derived: its own calendar comes from the items again, the calendar of all states not yet
        String state = states.get(0);
        for (String obligation : registry.jdbc().queryForList("SELECT obligation_id FROM reporting_obligation WHERE state_code = ?",
                String.class, state)) {
            assertThat(rollover.rederive(obligation, later)).isTrue();
        }
        assertSameAnswer(query(state, null, null, Set.of(), Set.of(), false, null, null, 90, 0, 100));
        assertThat(calendar.fromItems(query(null, null, null, Set.of(), Set.of(), false, null, null, 90, 0, 100))).isEmpty();

        int total = registry.jdbc().queryForObject("SELECT COUNT(*) FROM reporting_obligation", Integer.class);
        int perState = registry.jdbc().queryForObject("SELECT COUNT(*) FROM reporting_obligation WHERE state_code = ?", Integer.class, state);
        assertThat(rollover.run(7)).isEqualTo(total - perState);
        assertThat(rollover.run(7)).isZero();
        assertThat(registry.jdbc().queryForList("SELECT uid FROM calendar_item", String.class)).contains(newUid);
        for (FindCalendarQuery query : queries) {
            assertSameAnswer(query);
        }

        // rows from before the items existed (an upgrade): derived on read until the rollover derives them
        registry.jdbc().update("UPDATE reporting_obligation SET calendar_derived_on = NULL WHERE state_code = ?", "KAZ");
        FindCalendarQuery kaz = query("KAZ", null, null, ICS, Set.of(), false, null, null, 90, 0, 1000);
        assertThat(calendar.fromItems(kaz)).isEmpty();
        assertThat(calendar.handle(kaz)).isEqualTo(calendar.deriveOnRead(kaz));
        assertThat(rollover.run(100)).isPositive();
        assertSameAnswer(kaz);
    }

    @Test
    @Order(3)
    void aFactRecordedAfterTheRolloverAndARebuildKeepTheItemsExact() throws Exception {
        FindCalendarQuery kaz = query("KAZ", null, null, Set.of(), Set.of(), false, null, null, 90, 0, 1000);
        CalendarEntry item = calendar.deriveOnRead(kaz).items().stream()
                .filter(e -> e.status().equals("UPCOMING") || e.status().equals("OVERDUE")).findFirst().orElseThrow();
        LocalDate newDue = item.dueLatest().plusDays(45);
        Http.Response revised = registry.http().post("/api/states/KAZ/obligations/" + item.instrument() + "/due-date-revisions", """
                {"itemId": "%s", "newDue": "%s", "reason": "extension granted at the State's request",
                 "decisionSymbol": "%s/C/KAZ/EXT/1"}""".formatted(item.itemId(), newDue, item.body()));
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        awaitCaughtUp();
        CalendarPage after = assertSameAnswer(kaz);
        assertThat(after.items()).anySatisfy(e -> {
            assertThat(e.uid()).isEqualTo(item.uid());
            assertThat(e.dueLatest()).isEqualTo(newDue);
        });

        // the rows the live projection kept up to date (only changed items rewritten) are the rows a rebuild writes
        String items = "SELECT * FROM calendar_item ORDER BY obligation_id, item_id";
        String obligations = "SELECT * FROM reporting_obligation ORDER BY obligation_id";
        List<Map<String, Object>> itemsBefore = registry.jdbc().queryForList(items);
        List<Map<String, Object>> obligationsBefore = registry.jdbc().queryForList(obligations);
        ProjectionAdmin admin = registry.bean(ProjectionAdmin.class);
        admin.rebuild();
        assertThat(admin.awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
        assertThat(registry.jdbc().queryForList(items)).isEqualTo(itemsBefore);
        assertThat(registry.jdbc().queryForList(obligations)).isEqualTo(obligationsBefore);
        for (FindCalendarQuery query : queries(new Random(13), 60)) {
            assertSameAnswer(query);
        }
    }

    /**
     * Asserts the answer from the items is there and is the derived answer, value for value and as JSON; or, for a
     * query about closed items (which the items do not keep), that it is derived on read.
     */
    private CalendarPage assertSameAnswer(FindCalendarQuery query) throws Exception {
        Optional<CalendarPage> fromItems = calendar.fromItems(query);
        CalendarPage derived = calendar.deriveOnRead(query);
        if (!answeredFromItems(query)) {
            assertThat(fromItems).as("closed items are derived on read: " + query).isEmpty();
            assertThat(calendar.handle(query)).as(query.toString()).isEqualTo(derived);
            return derived;
        }
        assertThat(fromItems).as("answered from the items: " + query).isPresent();
        assertThat(fromItems.get()).as(query.toString()).isEqualTo(derived);
        assertThat(json.writeValueAsString(fromItems.get())).as(query.toString()).isEqualTo(json.writeValueAsString(derived));
        return derived;
    }

    /** Queries about open items only: closed ones (reviewed reports, submitted follow-up) are derived on read. */
    private static boolean answeredFromItems(FindCalendarQuery query) {
        return query.statuses().isEmpty() ? !query.includeClosed()
                : !query.statuses().contains("REVIEWED") && !query.statuses().contains("SUBMITTED");
    }

    /** Combinations of every filter, drawn at random from values that select something and values that do not. */
    private List<FindCalendarQuery> queries(Random rnd, int count) {
        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.add(null);
        scopes.addAll(states);
        scopes.add("ZZZ");
        List<String> bodies = Arrays.asList(null, null, null, "CRPD", "CERD", "CEDAW", "CCPR");
        List<String> instruments = Arrays.asList(null, null, null, "CRPD", "ICERD", "ICCPR", "CEDAW", "OP-CAT");
        List<Set<String>> kinds = List.of(Set.of(), Set.of(), Set.of("REPORT"), Set.of("FOLLOW_UP"), Set.of("REPORT", "FOLLOW_UP"));
        List<Set<String>> statuses = new ArrayList<>(List.of(Set.of(), Set.of(), Set.of(), ICS, Set.of("OVERDUE", "REVIEWED"),
                Set.of("UPCOMING", "DUE_SOON"), Set.of("SUBMITTED", "NO_DUE_DATE", "SUBMITTED_AWAITING_REVIEW"), Set.of("NOT_A_STATUS")));
        STATUSES.forEach(s -> statuses.add(Set.of(s)));
        List<LocalDate[]> windows = List.of(new LocalDate[]{null, null}, new LocalDate[]{null, null},
                new LocalDate[]{LocalDate.of(2020, 1, 1), null}, new LocalDate[]{null, LocalDate.of(2027, 6, 30)},
                new LocalDate[]{LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31)}, new LocalDate[]{TODAY, TODAY},
                new LocalDate[]{LocalDate.of(2030, 1, 1), LocalDate.of(2020, 1, 1)});
        int[] soonDays = {90, 90, 0, 30, 365, -3, 100_000};
        int[][] pages = {{0, 100}, {0, 100}, {1, 7}, {0, 1000}, {2, 50}, {0, 1}, {3, 3}, {500, 1000}, {0, 0}, {-1, 20}, {1, 5000}};
        List<FindCalendarQuery> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate[] window = pick(rnd, windows);
            int[] page = pages[rnd.nextInt(pages.length)];
            queries.add(query(pick(rnd, scopes), pick(rnd, bodies), pick(rnd, instruments), pick(rnd, statuses), pick(rnd, kinds),
                    rnd.nextInt(3) == 0, window[0], window[1], soonDays[rnd.nextInt(soonDays.length)], page[0], page[1]));
        }
        // and every status, with and without closed items, for all states and one, page after page
        for (String scope : Arrays.asList(null, states.get(1), "KAZ")) {
            for (Set<String> s : statuses) {
                for (boolean closed : new boolean[]{false, true}) {
                    queries.add(query(scope, null, null, s, Set.of(), closed, null, null, 90, rnd.nextInt(3), 100));
                }
            }
        }
        return queries;
    }

    private static FindCalendarQuery query(String state, String body, String instrument, Set<String> statuses, Set<String> kinds,
                                           boolean includeClosed, LocalDate dueFrom, LocalDate dueTo, int soonDays, int page, int size) {
        return new FindCalendarQuery(state, body, instrument, new LinkedHashSet<>(statuses), dueFrom, dueTo, null, soonDays, null,
                includeClosed, page, size, new LinkedHashSet<>(kinds));
    }

    private static <T> T pick(Random rnd, List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private void awaitCaughtUp() {
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).as("read models caught up").isTrue();
    }

    private void awaitImport(Http.Response accepted) throws InterruptedException {
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        for (int i = 0; i < 1200; i++) {
            JsonNode report = registry.http().get("/api/imports/" + id).json();
            if (!report.path("status").asText().equals("RUNNING")) {
                assertThat(report.path("status").asText()).as(report.toString()).isEqualTo("COMPLETED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
