package org.treatyregistry.api.config;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.LifecycleProcessor;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.treatyregistry.api.RegistryApplication;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.audit.AuditController;
import org.treatyregistry.api.audit.AuditPack;
import org.treatyregistry.api.audit.ChainVerifier;
import org.treatyregistry.api.audit.ChainedJdbcEventStorageEngine;
import org.treatyregistry.api.audit.EventLog;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestPostgres;
import org.treatyregistry.projections.Projections;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wiring of the production profiles, on a real PostgreSQL. No Axon Server can run here, and with the
 * {@code axonserver} profile Axon's start phase (processors claiming tokens, handlers subscribing) needs one. So the
 * {@code postgres,axonserver} context is the whole application, every bean created and the web server running, with
 * only Axon's own start left out (a lifecycle processor that skips {@link SpringAxonConfiguration}); the
 * {@code postgres} context is started completely, as users start it, for the contrast.
 */
class AxonServerProfileWiringTest {

    private static final List<Class<?>> JDBC_AUDIT_BEANS = List.of(EventLog.class, ChainVerifier.class, AuditPack.class, AuditController.class);

    @Test
    void axonserverProfileStoresEventsAndRoutesMessagesThroughAxonServerAndKeepsProjectionsAndTokensInPostgres() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        String servers = "localhost:" + freePort();
        try (ConfigurableApplicationContext context = start(db, "postgres,axonserver", servers, false)) {
            Configuration axon = context.getBean(Configuration.class);

            // event store, commands and queries: Axon Server
            assertThat(context.getBean(AxonServerConfiguration.class).getServers()).isEqualTo(servers);
            assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class)).hasSize(1);
            assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
            assertThat(axon.eventBus()).isSameAs(axon.eventStore());
            assertThat(axon.commandBus()).isInstanceOf(AxonServerCommandBus.class);
            assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);
            // the rebuild and the read-your-writes wait measure the head of Axon Server's store
            assertThat(context.getBeanNamesForType(ProjectionAdmin.class)).hasSize(1);

            // no JDBC event store, hence no hash chain or event log over its tables
            assertThat(context.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBeanNamesForType(ChainedJdbcEventStorageEngine.class)).isEmpty();
            for (Class<?> type : JDBC_AUDIT_BEANS) {
                assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).isEmpty();
            }
            assertThat(context.getBeanNamesForType(AxonServerAuditEndpoints.class)).hasSize(1);

            // projections, tokens (and reminders): PostgreSQL, migrated by Flyway
            assertPostgres(context, db);
            EventProcessor projections = axon.eventProcessingConfiguration().eventProcessor(Projections.PROCESSING_GROUP).orElseThrow();
            assertThat(projections).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(projections.isRunning()).as("Axon was not started").isFalse();
            assertThat(axon.eventProcessingConfiguration().tokenStore(Projections.PROCESSING_GROUP)).isInstanceOf(JdbcTokenStore.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class))
                    .contains("1", "2", "3", "4");

            // the audit endpoints answer, saying why they cannot serve
            Http http = http(context);
            for (String path : List.of("/api/audit/verification", "/api/audit/events.jsonl", "/api/states/KAZ/audit-pack?date=2020-01-01")) {
                Http.Response r = http.get(path);
                assertThat(r.status()).as(path).isEqualTo(501);
                assertThat(r.contentType()).as(path).startsWith("application/problem+json");
                assertThat(r.json().path("errorCode").asText()).as(path).isEqualTo(AxonServerAuditEndpoints.ERROR_CODE);
                assertThat(r.json().path("detail").asText()).as(path).contains("Axon Server");
            }
            Http.Response imported = http.post("/api/admin/event-log", "", "application/x-ndjson");
            assertThat(imported.status()).isEqualTo(501);
            assertThat(imported.json().path("errorCode").asText()).isEqualTo(AxonServerAuditEndpoints.ERROR_CODE);
        }
    }

    @Test
    void postgresProfileAloneKeepsTheChainedJdbcEventStoreAndLocalBuses() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext context = start(db, "postgres", null, true)) {
            Configuration axon = context.getBean(Configuration.class);

            assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class)).isEmpty();
            assertThat(context.getBeanNamesForType(AxonServerAuditEndpoints.class)).isEmpty();
            assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(ChainedJdbcEventStorageEngine.class);
            assertThat(axon.eventStore()).isInstanceOf(EmbeddedEventStore.class);
            assertThat(axon.commandBus()).isInstanceOf(SimpleCommandBus.class);
            assertThat(axon.queryBus()).isInstanceOf(SimpleQueryBus.class);
            for (Class<?> type : JDBC_AUDIT_BEANS) {
                assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).hasSize(1);
            }
            assertPostgres(context, db);
            EventProcessor projections = axon.eventProcessingConfiguration().eventProcessor(Projections.PROCESSING_GROUP).orElseThrow();
            assertThat(projections).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(projections.isRunning()).isTrue();

            Http.Response verification = http(context).get("/api/audit/verification");
            assertThat(verification.status()).isEqualTo(200);
            assertThat(verification.json().path("intact").asBoolean()).isTrue();
        }
    }

    /**
     * What a start without a reachable Axon Server does: every bean is made, then Axon's start fails when the projection
     * processor cannot fetch a token position from Axon Server to initialise its segments (30 tries, about 5 s).
     */
    @Test
    void axonserverProfileFailsOnlyInAxonsStartWhenNoServerAnswers() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        String servers = "localhost:" + freePort();
        assertThatThrownBy(() -> start(db, "postgres,axonserver", servers, true).close())
                .hasMessageContaining("springAxonConfiguration")
                .satisfies(e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c).isInstanceOf(ProcessRetriesExhaustedException.class)
                        .satisfies(r -> assertThat(r.getStackTrace()).anySatisfy(frame ->
                                assertThat(frame.getClassName()).isEqualTo(PooledStreamingEventProcessor.class.getName())))));
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database db, String profiles, String axonServers, boolean startAxon) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", profiles);
        properties.put("spring.datasource.url", db.url());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("registry.security.initial-admin-password", org.treatyregistry.api.support.TestCredentials.ADMIN_PASSWORD);
        // both would talk to the event store after start-up
        properties.put("registry.demo.import-on-empty-store", "false");
        properties.put("registry.reminders.schedule.enabled", "false");
        if (axonServers != null) {
            properties.put("axon.axonserver.servers", axonServers);
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(RegistryApplication.class);
        if (!startAxon) {
            builder.initializers(context -> ((GenericApplicationContext) context).registerBean(
                    "lifecycleProcessor", LifecycleProcessor.class, AllButAxonLifecycleProcessor::new));
        }
        return builder.run(args);
    }

    /** Starts every lifecycle bean (the web server among them) except Axon's configuration, which would connect. */
    static final class AllButAxonLifecycleProcessor extends DefaultLifecycleProcessor {
        @Override
        protected Map<String, Lifecycle> getLifecycleBeans() {
            Map<String, Lifecycle> beans = new LinkedHashMap<>(super.getLifecycleBeans());
            assertThat(beans.values().removeIf(SpringAxonConfiguration.class::isInstance)).as("Axon's lifecycle bean").isTrue();
            return beans;
        }
    }

    private static void assertPostgres(ConfigurableApplicationContext context, TestPostgres.Database db) throws SQLException {
        try (Connection c = context.getBean(DataSource.class).getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(c.getMetaData().getURL()).isEqualTo(db.url());
        }
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("token_entry", "projected_fact", "reminder_notice")) {
            assertThat(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, table)).as(table).isTrue();
        }
    }

    private static Http http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        assertThat(port).as("the web server is listening").isPositive();
        return new Http("http://localhost:" + port);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** A port nothing listens on (released just before use). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
