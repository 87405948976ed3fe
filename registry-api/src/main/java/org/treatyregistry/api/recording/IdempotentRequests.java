package org.treatyregistry.api.recording;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.treatyregistry.core.shared.RegistryException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The first answer to each client request id, kept in the database so that retries (even after a restart) find it.
 * A request reserves its key before it runs, so of two concurrent requests with one key only the first runs and the
 * other waits for its answer. A reservation left by a request that died is taken over after {@link #LEASE}.
 */
@Repository
public class IdempotentRequests {

    static final int IN_PROGRESS = 0;
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(30);

    public record Stored(String fingerprint, int status, String response) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Reserves the key for this request, or returns the answer of the request that holds it (waiting while it runs). */
    public Optional<Stored> reserveOrAwait(String key, String fingerprint) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                jdbc.update("INSERT INTO idempotent_request (request_key, fingerprint, status, response, created_at) VALUES (?, ?, ?, '', ?)",
                        key, fingerprint, IN_PROGRESS, Timestamp.from(clock.instant()));
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Optional<Stored> stored = find(key);
                if (stored.isPresent() && stored.get().status() != IN_PROGRESS) {
                    return stored;
                }
                if (stored.isPresent() && !stored.get().fingerprint().equals(fingerprint)) {
                    return stored;
                }
                jdbc.update("DELETE FROM idempotent_request WHERE request_key = ? AND status = ? AND created_at < ?",
                        key, IN_PROGRESS, Timestamp.from(clock.instant().minus(LEASE)));
                if (System.nanoTime() > deadline) {
                    throw RegistryException.conflict("REQUEST_IN_PROGRESS", "Idempotency-Key",
                            "a request with this Idempotency-Key is still being processed; retry later");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public void complete(String key, int status, String response) {
        jdbc.update("UPDATE idempotent_request SET status = ?, response = ? WHERE request_key = ?", status, response, key);
    }

    /** The request failed: a retry may run it again. */
    public void release(String key) {
        jdbc.update("DELETE FROM idempotent_request WHERE request_key = ? AND status = ?", key, IN_PROGRESS);
    }

    private Optional<Stored> find(String key) {
        return jdbc.query("SELECT fingerprint, status, response FROM idempotent_request WHERE request_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)), key).stream().findFirst();
    }
}
