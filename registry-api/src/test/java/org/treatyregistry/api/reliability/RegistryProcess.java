package org.treatyregistry.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.TestCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The registry as a real operating-system process: a child JVM started with this test JVM's own classpath and the
 * application's main class, as an operator starts it (command-line properties outrank application.yml). It can be
 * killed with SIGKILL (no shutdown hook runs, no transaction is finished, nothing is flushed) and started again on
 * the same database and port.
 */
final class RegistryProcess implements AutoCloseable {

    static final String MAIN_CLASS = "org.treatyregistry.api.RegistryApplication";
    static final Path WORK_DIR = Paths.get("target", "reliability");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("registry.child.start-timeout-seconds", 240));

    private final String name;
    private final int port;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Http http;
    private Process process;
    private int starts;

    private RegistryProcess(String name, String jdbcUrl, String user, String password) {
        this.name = name;
        this.port = freePort();
        this.http = new Http("http://localhost:" + port);
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("registry.demo.import-on-empty-store", "false");
        properties.put("registry.reminders.schedule.enabled", "false");
        // the administrator the test clients sign in as (org.treatyregistry.api.support.Http does, by default)
        properties.put("registry.security.initial-admin-password", TestCredentials.ADMIN_PASSWORD);
        properties.put("registry.data-dir", WORK_DIR.resolve(name + "-data").toString());
        properties.put("spring.main.banner-mode", "off");
        // the log goes to the file only; the child's own stdout/stderr (JVM errors) go to <name>-N.out
        properties.put("logging.threshold.console", "OFF");
    }

    /** A registry process on a PostgreSQL database (not started yet). */
    static RegistryProcess postgres(String name, String jdbcUrl, String user, String password) {
        return new RegistryProcess(name, jdbcUrl, user, password);
    }

    /** One more command-line property, for this and later starts. */
    RegistryProcess with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Http http() {
        return http;
    }

    /** Starts the child JVM and waits until /actuator/health answers UP. */
    RegistryProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        try {
            Files.createDirectories(WORK_DIR);
            Path log = log();
            Files.deleteIfExists(log);
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xms128m");
            command.add("-Xmx1g");
            command.add("-XX:+ExitOnOutOfMemoryError");
            String extra = System.getProperty("registry.child.jvm-args", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.add("-cp");
            command.add(classpath());
            command.add(MAIN_CLASS);
            properties.put("logging.file.name", log.toString());
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(out().toFile()));
            process = builder.start();
            Process started = process;
            // a safety net: no registry process outlives the test JVM, whatever the test did
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        try {
            awaitUp(START_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return this;
    }

    private static String snapshot;

    /**
     * This JVM's classpath, with its directories (target/classes, target/test-classes) and the project's own jars
     * (registry-core, registry-projections in the local Maven repository) copied once to a private folder: other builds
     * may recompile or reinstall them while a test runs, and a child JVM started at that moment would not find its
     * classes. Third-party jars are used where they are. The copy is deleted when this JVM exits.
     */
    static synchronized String classpath() throws IOException {
        if (snapshot == null) {
            Path root = WORK_DIR.resolve("classpath-" + ProcessHandle.current().pid()).toAbsolutePath();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(root.toFile())));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path source = Paths.get(entry);
                if (Files.isDirectory(source)) {
                    Path copy = root.resolve(Integer.toString(n++));
                    copyTree(source, copy);
                    entries.add(copy.toString());
                } else if (entry.replace('\\', '/').contains("/org/treatyregistry/")) {
                    Path copy = root.resolve(Integer.toString(n++)).resolve(source.getFileName());
                    Files.createDirectories(copy.getParent());
                    Files.copy(source, copy);
                    entries.add(copy.toString());
                } else {
                    entries.add(entry);
                }
            }
            String mainClass = MAIN_CLASS.replace('.', '/') + ".class";
            if (entries.stream().noneMatch(e -> Files.exists(Paths.get(e).resolve(mainClass)))) {
                throw new IllegalStateException(MAIN_CLASS + " is not in the copied classpath (was the module being rebuilt?)");
            }
            snapshot = String.join(java.io.File.pathSeparator, entries);
        }
        return snapshot;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The application log of the current (or last) start. */
    Path log() {
        return WORK_DIR.resolve(name + "-" + starts + ".log");
    }

    private Path out() {
        return WORK_DIR.resolve(name + "-" + starts + ".out");
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Returns once the operating system no longer
     * knows the process (checked through {@link ProcessHandle}), and verifies it died of SIGKILL (exit code 137).
     */
    void kill() {
        long pid = process.pid();
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " (pid " + pid + ") still alive 60 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().isAlive()) {
            throw new AssertionError(name + " (pid " + pid + ") is still known to the OS after SIGKILL");
        }
        if (process.exitValue() != 128 + 9) {
            throw new AssertionError(name + " (pid " + pid + ") exited with " + process.exitValue() + ", not 137 (SIGKILL)");
        }
    }

    /** A graceful stop (SIGTERM: Spring closes the context). */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** GET /actuator/health, or null when nothing answers. */
    Http.Response healthOrNull() {
        try {
            // as a load balancer asks: without credentials (health is open to everyone)
            return http.anonymous().get("/actuator/health");
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; " + tail());
            }
            Http.Response health = healthOrNull();
            if (health != null && health.status() == 200 && "UP".equals(health.json().path("status").asText())) {
                return;
            }
            pause(250);
        }
        throw new AssertionError(name + " not UP within " + timeout + "; " + tail());
    }

    /** The last lines of the log, for failure messages. */
    String tail() {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(out(), log())) {
            try {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    text.append("\n--- ").append(file).append(" ---\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            } catch (IOException | UncheckedIOException e) {
                text.append("\n(could not read ").append(file).append(")");
            }
        }
        return text.toString();
    }

    /** GET /api/admin/projections. */
    JsonNode projections() {
        return http.get("/api/admin/projections").json();
    }

    /** Polls until the read models have processed every stored event. */
    JsonNode awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = projections();
            if (status.path("caughtUp").asBoolean()) {
                return status;
            }
            pause(100);
        }
        throw new AssertionError(name + ": read models not caught up within " + timeout + ": " + status);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
