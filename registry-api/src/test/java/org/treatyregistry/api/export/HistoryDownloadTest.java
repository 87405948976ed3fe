package org.treatyregistry.api.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.benchmark.Dataset;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.projections.history.FindHistoryAfterQuery;
import org.treatyregistry.projections.history.FindHistoryQuery;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistoryPage;
import org.treatyregistry.projections.history.HistorySlice;

import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history downloads are written slice by slice (session 9): they must be, byte for byte, what the whole list
 * written at once was, over histories longer than a slice and with the filters that pass rows over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryDownloadTest {

    private static final int SLICE = 1000;

    private RunningRegistry registry;
    private Http http;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false).start();
        http = registry.http();
        Path file = dir.resolve("dataset.jsonl");
        new Dataset(registry.bean("eventSerializer", Serializer.class), 3, 2_600).write(file);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            registry.bean(EventLog.class).importInto(lines);
        }
        assertThat(registry.bean(ProjectionAdmin.class).awaitCaughtUp(Duration.ofMinutes(5))).isTrue();
    }

    @AfterAll
    void stop() {
        registry.close();
    }

    @Test
    void theWholeHistoryDownloadsAsTheListOfEveryPageWas() throws Exception {
        List<HistoryEntry> all = pages(null, null, null, null);
        assertThat(all).hasSizeGreaterThan(2 * SLICE);

        Http.Response csv = http.get("/api/history.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo(CsvWriter.write(all, HistoryEntry.class));

        Http.Response json = http.get("/api/history.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.body()).isEqualTo(registry.bean(ObjectMapper.class).writeValueAsString(all));
    }

    @Test
    void aLegalDateRangeKeepsTheSameEntriesThoughTheSlicesPassRowsOver() throws Exception {
        // more than a slice kept, and rows passed over: the download reads several slices of rows it partly leaves out
        LocalDate from = LocalDate.of(1990, 1, 1);
        LocalDate to = LocalDate.of(2100, 12, 31);
        List<HistoryEntry> kept = pages(null, from, to, null);
        assertThat(kept).hasSizeGreaterThan(SLICE).hasSizeLessThan(pages(null, null, null, null).size());

        String query = "?legalFrom=" + from + "&legalTo=" + to;
        assertThat(http.get("/api/history.csv" + query).body()).isEqualTo(CsvWriter.write(kept, HistoryEntry.class));
        assertThat(http.get("/api/history.json" + query).body())
                .isEqualTo(registry.bean(ObjectMapper.class).writeValueAsString(kept));
    }

    @Test
    void aDownloadThatFailsAfterItStartedIsCutNotCompleted() {
        // every slice after the first fails, as a database gone away would
        Registration failing = registry.bean(QueryBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof FindHistoryAfterQuery q && q.after() != Long.MIN_VALUE) {
                throw new IllegalStateException("the second slice fails");
            }
            return chain.proceed();
        });
        try {
            // the client must see the answer broken off: a JSON array closed after the first slice, or a CSV ended at a
            // whole row, would pass for the whole history
            assertThatThrownBy(() -> http.get("/api/history.json")).isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> http.get("/api/history.csv")).isInstanceOf(UncheckedIOException.class);
        } finally {
            failing.cancel();
        }
        assertThat(http.get("/api/history.csv").status()).as("the next download is whole again").isEqualTo(200);
    }

    @Test
    void slicesFollowOneAnotherWithoutGapOrRepeat() {
        QueryGateway queries = registry.bean(QueryGateway.class);
        LocalDate from = LocalDate.of(1995, 1, 1);
        LocalDate to = LocalDate.of(2004, 12, 31);
        List<HistoryEntry> sliced = new ArrayList<>();
        long after = Long.MIN_VALUE;
        int slices = 0;
        while (true) {
            HistorySlice slice = queries.query(new FindHistoryAfterQuery("ABW", null, null, null, from, to, null, after, 7),
                    ResponseTypes.instanceOf(HistorySlice.class)).join();
            assertThat(slice.items()).hasSizeLessThanOrEqualTo(7);
            assertThat(slice.last()).isGreaterThanOrEqualTo(after);
            for (HistoryEntry e : slice.items()) {
                assertThat(e.globalIndex()).isGreaterThan(after).isLessThanOrEqualTo(slice.last());
            }
            sliced.addAll(slice.items());
            slices++;
            if (slice.end()) {
                break;
            }
            assertThat(slice.last()).isGreaterThan(after);
            after = slice.last();
        }
        assertThat(slices).isGreaterThan(3);
        assertThat(sliced).isEqualTo(pages("ABW", from, to, null));
    }

    @Test
    void anEmptyDownloadIsWhatAnEmptyListWas() throws Exception {
        Http.Response csv = http.get("/api/history.csv?eventType=NoSuchEvent");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo(CsvWriter.write(List.of(), HistoryEntry.class));
        assertThat(http.get("/api/history.json?eventType=NoSuchEvent").body())
                .isEqualTo(registry.bean(ObjectMapper.class).writeValueAsString(List.of()));
    }

    @Test
    void aBadFilterIsStillAProblemNotACutDownload() {
        Http.Response refused = http.get("/api/history.csv?state=K1Z");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("state");
    }

    /** The history as the paged query answers it, every page in turn: what the downloads were built from before. */
    private List<HistoryEntry> pages(String state, LocalDate legalFrom, LocalDate legalTo, String eventType) {
        QueryGateway queries = registry.bean(QueryGateway.class);
        List<HistoryEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            HistoryPage p = queries.query(new FindHistoryQuery(state, null, null, eventType, legalFrom, legalTo, null, page, SLICE),
                    ResponseTypes.instanceOf(HistoryPage.class)).join();
            all.addAll(p.items());
            if (all.size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }
}
