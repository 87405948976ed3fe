package org.treatyregistry.api.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An import under way or finished: progress and the result of every record. Thread-safe for readers. */
public final class ImportJob {

    public enum Status { RUNNING, COMPLETED, FAILED }

    private final String id;
    private final String state;
    private final int total;
    private final Instant startedAt;
    private final String recordedBy;
    private final List<ImportRecordResult> results = new ArrayList<>();
    private volatile Status status = Status.RUNNING;
    private volatile Instant finishedAt;
    private volatile String failure;

    ImportJob(String id, String state, int total, Instant startedAt, String recordedBy) {
        this.id = id;
        this.state = state;
        this.total = total;
        this.startedAt = startedAt;
        this.recordedBy = recordedBy;
    }

    synchronized void add(ImportRecordResult result) {
        results.add(result);
    }

    void finish(Instant at) {
        finishedAt = at;
        status = Status.COMPLETED;
    }

    void fail(Instant at, String reason) {
        finishedAt = at;
        failure = reason;
        status = Status.FAILED;
    }

    public synchronized ImportReport report() {
        long recorded = results.stream().filter(r -> r.result().equals("RECORDED")).count();
        long already = results.stream().filter(r -> r.result().equals("ALREADY_RECORDED")).count();
        long rejected = results.stream().filter(r -> r.result().equals("REJECTED")).count();
        return new ImportReport(id, state, status.name(), total, results.size(), recorded, already, rejected, startedAt,
                finishedAt, recordedBy, failure, List.copyOf(results));
    }

    public String id() {
        return id;
    }

    /**
     * @param processed how many records have been handled so far (progress: processed / total)
     */
    public record ImportReport(String id, String state, String status, int total, int processed, long recorded,
                               long alreadyRecorded, long rejected, Instant startedAt, Instant finishedAt,
                               String recordedBy, String failure, List<ImportRecordResult> results) {
    }
}
