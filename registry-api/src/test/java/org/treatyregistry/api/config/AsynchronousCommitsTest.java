package org.treatyregistry.api.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.projections.Projections;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection processor's transactions commit asynchronously on PostgreSQL (they write only what the event store
 * can give again); every other transaction, the appends above all, keeps the database's synchronous commit.
 */
class AsynchronousCommitsTest {

    @TempDir
    Path dir;

    @Test
    void theProjectionProcessorAloneCommitsAsynchronouslyOnPostgres() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // the tests' PostgreSQL runs without synchronous commits; this database has them, as production does
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET synchronous_commit TO on");
        }
        try (RunningRegistry registry = RunningRegistry.postgres(db, false).start()) {
            assertThat(setting(registry, registry.bean(Configuration.class).eventProcessingConfiguration()
                    .transactionManager(Projections.PROCESSING_GROUP))).isEqualTo("off");
            assertThat(setting(registry, registry.bean(TransactionManager.class))).isEqualTo("on");
        }
    }

    @Test
    void changesNothingOnTheEmbeddedStore() {
        try (RunningRegistry registry = RunningRegistry.embedded(dir, false).start()) {
            TransactionManager projections = registry.bean(Configuration.class).eventProcessingConfiguration()
                    .transactionManager(Projections.PROCESSING_GROUP);
            assertThat(projections).isInstanceOf(AsynchronousCommits.class);
            assertThat(projections.fetchInTransaction(() -> registry.jdbc().queryForObject("SELECT 1", Integer.class))).isEqualTo(1);
        }
    }

    private static String setting(RunningRegistry registry, TransactionManager transactions) {
        return transactions.fetchInTransaction(() -> registry.jdbc().queryForObject("SHOW synchronous_commit", String.class));
    }
}
