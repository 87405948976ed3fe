package org.treatyregistry.projections.history;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.benchmark.Dataset;
import org.treatyregistry.api.support.Histories;
import org.treatyregistry.api.support.PassThroughUpcaster;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.competence.CompetenceFactCorrectedEvent;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.upr.UprFactCorrectedEvent;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history read from the event store (HistoryFromEvents, where the store is in the read models' database) is the
 * history the projection writes to history_entry where it is not (Axon Server, an upcaster): the same entries, under
 * every filter, page and slice. Both are asked the same questions over the same events on PostgreSQL.
 */
class HistoryFromEventsTest {

    @TempDir
    Path dir;

    @Test
    void theHistoryReadFromTheEventsIsTheHistoryTheProjectionWrites() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        Map<String, Object> fromEvents;
        List<Object> questions;
        try (RunningRegistry registry = RunningRegistry.postgres(db, false).start()) {
            Path file = dir.resolve("dataset.jsonl");
            new Dataset(registry.bean("eventSerializer", Serializer.class), 4, 3_000).write(file);
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                registry.bean(EventLog.class).importInto(lines);
            }
            assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
            HistoryProjection history = registry.bean(HistoryProjection.class);
            assertThat(history.readsEventStore()).isTrue();
            assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM history_entry", Long.class))
                    .as("nothing is written to the history table").isZero();
            List<HistoryEntry> all = Histories.all(history, new FindHistoryAfterQuery(null, null, null, null, null, null, null, Long.MIN_VALUE, 700));
            assertThat(all).as("an entry for every event").hasSize((int) registry.eventCount());
            questions = questions(all);
            fromEvents = answers(history, questions);
        }
        // an upcaster: stored payloads may no longer read back as written, so the history is the projection's table,
        // which the start-up rebuild (through the processor) fills
        EventUpcaster upcaster = new PassThroughUpcaster();
        try (RunningRegistry registry = RunningRegistry.postgres(db, false).withPrimaryBean("anUpcaster", EventUpcaster.class, upcaster).start()) {
            assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
            HistoryProjection history = registry.bean(HistoryProjection.class);
            assertThat(history.readsEventStore()).isFalse();
            assertThat(registry.jdbc().queryForObject("SELECT COUNT(*) FROM history_entry", Long.class)).isEqualTo(registry.eventCount());
            Map<String, Object> fromTable = answers(history, questions);
            assertThat(fromTable.keySet()).isEqualTo(fromEvents.keySet());
            fromTable.forEach((question, answer) -> assertThat(fromEvents.get(question)).as(question).isEqualTo(answer));
        }
    }

    @Test
    void theFactEventsAreWhatTheProjectionClassifiesAsFacts() {
        Map<String, Class<?>> types = HistoryFromEvents.factEventTypes();
        assertThat(types).containsKeys(TreatyRatifiedEvent.class.getName(), ParticipationFactCorrectedEvent.class.getName(),
                CompetenceFactCorrectedEvent.class.getName(), ReportingFactCorrectedEvent.class.getName(), UprFactCorrectedEvent.class.getName());
        assertThat(types.values()).allSatisfy(type -> assertThat(type.isInterface()).as(type.getName()).isFalse());
    }

    /** Every filter alone over its every value seen (and one never seen), some together, paged and sliced. */
    private static List<Object> questions(List<HistoryEntry> all) {
        TreeSet<String> states = new TreeSet<>();
        TreeSet<String> types = new TreeSet<>();
        all.forEach(e -> {
            states.add(e.state());
            types.add(e.eventType());
        });
        assertThat(states).hasSize(4);
        assertThat(all).as("corrections among the events").anyMatch(e -> e.correctsSequence() != null);
        assertThat(all).as("competence streams among the events").anyMatch(e -> e.streamId().startsWith("competence:"));
        assertThat(all).as("UPR streams among the events").anyMatch(e -> e.streamId().startsWith("upr:"));
        List<Object> questions = new ArrayList<>();
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[4]);
        states.forEach(s -> filters.add(new String[]{s, null, null, null}));
        filters.add(new String[]{"ZZZ", null, null, null});
        TreatyCatalogue.bodies().stream().map(TreatyBodyCode::value).forEach(b -> filters.add(new String[]{null, b, null, null}));
        filters.add(new String[]{null, "NOPE", null, null});
        TreatyCatalogue.instruments().stream().map(InstrumentDefinition::code).forEach(i -> filters.add(new String[]{null, null, i.value(), null}));
        filters.add(new String[]{null, null, "NOPE", null});
        types.forEach(t -> filters.add(new String[]{null, null, null, t}));
        filters.add(new String[]{null, null, null, "NoSuchEvent"});
        filters.add(new String[]{states.first(), "CAT", null, null});
        filters.add(new String[]{states.last(), null, "ICCPR", "TreatyRatifiedEvent"});
        Instant middle = all.get(all.size() / 2).recordedAt();
        for (String[] f : filters) {
            questions.add(new FindHistoryAfterQuery(f[0], f[1], f[2], f[3], null, null, null, Long.MIN_VALUE, 500));
            questions.add(new FindHistoryQuery(f[0], f[1], f[2], f[3], null, null, null, 1, 40));
        }
        for (Instant upTo : List.of(middle, middle.minusMillis(1), middle.plusNanos(1))) {
            questions.add(new FindHistoryAfterQuery(null, null, null, null, null, null, upTo, Long.MIN_VALUE, 500));
            questions.add(new FindHistoryQuery(states.first(), null, null, null, null, null, upTo, 0, 1000));
        }
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = LocalDate.of(2009, 12, 31);
        questions.add(new FindHistoryAfterQuery(null, null, null, null, from, to, null, Long.MIN_VALUE, 300));
        questions.add(new FindHistoryQuery(states.last(), null, null, null, from, null, middle, 2, 25));
        questions.add(new FindHistoryQuery(null, null, null, null, null, null, null, 7, 100));
        return questions;
    }

    private static Map<String, Object> answers(HistoryProjection history, List<Object> questions) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Object question : questions) {
            Object answer = question instanceof FindHistoryAfterQuery slices ? Histories.all(history, slices) : history.handle((FindHistoryQuery) question);
            answers.put(question.toString(), answer);
        }
        return answers;
    }
}
