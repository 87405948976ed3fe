package org.treatyregistry.api.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.treatyregistry.api.RegistryApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole registry application, started as a user starts it (same main class and configuration), on a random
 * port, against the embedded H2 file store or a PostgreSQL database. It can be stopped and started again on the same
 * data, which is what the restart test needs.
 */
public final class RunningRegistry implements AutoCloseable {

    private final Map<String, Object> properties;
    private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers = new ArrayList<>();
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
        p.put("registry.security.initial-admin-password", TestCredentials.ADMIN_PASSWORD);
        return p;
    }

    /** One more property (a command-line argument) for the next start. */
    public RunningRegistry with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    /**
     * Adds this instance as a bean that wins over the application's own bean of the type (it is {@code @Primary}),
     * kept across restarts: for example a clock the test moves.
     */
    public <T> RunningRegistry withPrimaryBean(String name, Class<T> type, T instance) {
        initializers.add(context -> ((GenericApplicationContext) context).registerBean(name, type, () -> instance,
                definition -> definition.setPrimary(true)));
        return this;
    }

    public RunningRegistry start() {
        // command-line arguments, as a user passes them: they outrank application.yml and its profiles
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(RegistryApplication.class);
        initializers.forEach(builder::initializers);
        context = builder.run(args);
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

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    public long eventCount() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Override
    public void close() {
        stop();
    }
}
