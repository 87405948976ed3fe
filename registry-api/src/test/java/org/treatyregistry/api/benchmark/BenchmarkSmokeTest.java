package org.treatyregistry.api.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole benchmark on a tiny dataset, so that it cannot rot between the runs that matter. It asserts that every
 * measure was taken and reported, never how fast anything was: timings belong to ./bench.sh and docs/performance.md.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path out;

    @Test
    void measuresEverythingOnATinyDataset() throws Exception {
        Measures measures = Benchmark.run(new Benchmark.Options(3, 3_000, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), out, Set.of()));

        List<String> names = measures.rows().stream().map(Measures.Row::measure).toList();
        assertThat(names).anyMatch(n -> n.startsWith("bulk import"))
                .anyMatch(n -> n.startsWith("rebuild of every projection"))
                .anyMatch(n -> n.startsWith("rebuild with stock Axon settings"))
                .anyMatch(n -> n.startsWith("calendar query, one state"))
                .anyMatch(n -> n.startsWith("calendar query, all states"))
                .anyMatch(n -> n.startsWith("ICS export over HTTP, one state"))
                .anyMatch(n -> n.startsWith("full ICS export"))
                .anyMatch(n -> n.startsWith("recording over HTTP"))
                .anyMatch(n -> n.startsWith("appends through the command gateway, 1 thread"))
                .anyMatch(n -> n.startsWith("appends through the command gateway, 4 threads"))
                .anyMatch(n -> n.startsWith("appends through the command gateway, 8 threads"))
                .anyMatch(n -> n.startsWith("peak heap"));
        assertThat(measures.rows()).allSatisfy(row -> assertThat(row.result()).as(row.measure()).isNotBlank());
        String report = Files.readString(out.resolve("results.md"));
        assertThat(report).contains("| measure |").contains("dataset: ");
    }
}
