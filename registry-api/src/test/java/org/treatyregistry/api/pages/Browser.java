package org.treatyregistry.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry (with Kazakhstan's demo record) and Debian's Chromium driven by Playwright, for the desk's pages.
 * Pages open at a laptop's size unless told otherwise; every page's console errors (a script failure, a refusal by
 * the content security policy) are collected and fail the test that caused them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get(System.getProperty("registry.screenshots", "target/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningRegistry registry;
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String base;
    private final List<String> consoleErrors = new ArrayList<>();
    private String axe;

    private Browser(RunningRegistry registry, Playwright playwright, com.microsoft.playwright.Browser chromium, String base) {
        this.registry = registry;
        this.playwright = playwright;
        this.chromium = chromium;
        this.base = base;
    }

    static Browser start(String name) throws IOException {
        RunningRegistry registry = RunningRegistry.embedded(Files.createTempDirectory("registry-pages-" + name + "-").resolve("data"), true).start();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        Files.createDirectories(SCREENSHOTS);
        String port = registry.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port");
        return new Browser(registry, playwright, chromium, "http://localhost:" + port);
    }

    Http http() {
        return registry.http();
    }

    String url(String path) {
        return base + path;
    }

    /** A page in a fresh context: {@code width} × 900, downloads accepted. */
    Page page(int width) {
        return page(width, false);
    }

    /**
     * @param bypassCsp only for injecting axe-core, whose script tag the pages' own policy (scripts from the registry
     *                  only) would refuse
     */
    Page page(int width, boolean bypassCsp) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, 900).setAcceptDownloads(true).setBypassCSP(bypassCsp).setLocale("en-GB")
                .setBaseURL(base));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                synchronized (consoleErrors) {
                    consoleErrors.add(page.url() + ": " + m.text());
                }
            }
        });
        page.onPageError(e -> {
            synchronized (consoleErrors) {
                consoleErrors.add(page.url() + ": " + e);
            }
        });
        signIn(page);
        return page;
    }

    /** Signs in through the login form, as a person does: the session cookie and the CSRF token then do the rest. */
    private static void signIn(Page page) {
        page.navigate("/login");
        page.getByLabel("User name").fill(org.treatyregistry.api.support.TestCredentials.ADMIN);
        page.getByLabel("Password").fill(org.treatyregistry.api.support.TestCredentials.ADMIN_PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Console errors since the last call (expected refusals of the API show as failed requests and are left out). */
    List<String> takeConsoleErrors() {
        synchronized (consoleErrors) {
            List<String> errors = consoleErrors.stream()
                    .filter(e -> !e.contains("the server responded with a status of 4"))
                    .toList();
            consoleErrors.clear();
            return errors;
        }
    }

    void close(Page page) {
        page.context().close();
    }

    /** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; fails on any violation. */
    void expectAccessible(Page page, String what) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        String violations = (String) page.evaluate("""
                async () => {
                  const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                                            resultTypes: ['violations'] });
                  return JSON.stringify(results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })));
                }""");
        try {
            JsonNode list = JSON.readTree(violations);
            assertThat(list.size()).as("axe-core violations on " + what + ":\n" + list.toPrettyString()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a full-page screenshot under target/screenshots, a test artifact. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
    }

    private String axeSource() {
        if (axe == null) {
            try (InputStream props = getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                Properties p = new Properties();
                p.load(props);
                String path = "/META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js";
                try (InputStream in = getClass().getResourceAsStream(path)) {
                    assertThat(in).as(path).isNotNull();
                    axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        try {
            chromium.close();
            playwright.close();
        } finally {
            registry.stop();
        }
    }
}
