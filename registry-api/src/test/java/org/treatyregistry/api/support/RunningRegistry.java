package org.treatyregistry.api.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.treatyregistry.api.RegistryApplication;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole registry application, started as a user starts it (same main class and configuration), on a random
 * port, against the embedded H2 file store or a PostgreSQL database. It can be stopped and started again on the same
 * data, which is what the restart test needs.
 */
public final class RunningRegistry implements AutoCloseable {

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;

    private RunningRegistry(Map<String, Object> properties) {
        this.properties = properties;
    }

    public static RunningRegistry embedded(Path dataDir, boolean demoData) {
        Map<String, Object> p = common(demoData);
        p.put("registry.data-dir", dataDir.toString());
        return new RunningRegistry(p);
    }

    public static RunningRegistry postgres(TestPostgres.Database db, boolean demoData) {
        Map<String, Object> p = common(demoData);
        p.put("spring.profiles.active", "postgres");
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        return new RunningRegistry(p);
    }

    private static Map<String, Object> common(boolean demoData) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", "0");
        p.put("registry.demo.import-on-empty-store", Boolean.toString(demoData));
        p.put("spring.main.banner-mode", "off");
        return p;
    }

    public RunningRegistry start() {
        // command-line arguments, as a user passes them: they outrank application.yml and its profiles
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(RegistryApplication.class).run(args);
        return this;
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    public Http http() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Http("http://localhost:" + port);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public long eventCount() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Override
    public void close() {
        stop();
    }
}
