package org.treatyregistry.api.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the desk, as a person with a laptop or a tablet and a keyboard or a screen reader meets it: no axe-core
 * violation of WCAG 2.1 A/AA, no horizontal scroll at 768 px (tables scroll in their own container), no script error
 * or refusal under the pages' content security policy, and a screenshot of each kept under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskPagesAccessibilityTest {

    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start("a11y");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    Stream<Arguments> pages() {
        List<Arguments> pages = new ArrayList<>(List.of(
                Arguments.of("dashboard", "/", 200),
                Arguments.of("dashboard-all-states", "/?state=ALL", 200),
                Arguments.of("calendar", "/states/KAZ/calendar", 200),
                Arguments.of("calendar-all-items-as-of-2012", "/states/KAZ/calendar?items=all&asOf=2012-06-30", 200),
                Arguments.of("calendar-recorded-before-anything", "/states/KAZ/calendar?recordedAt=2000-01-01T00:00", 200),
                Arguments.of("calendar-bad-filter", "/states/KAZ/calendar?asOf=yesterday&body=XYZ", 200),
                Arguments.of("treaties", "/states/KAZ/treaties", 200),
                Arguments.of("history", "/states/KAZ/history", 200),
                Arguments.of("history-filtered", "/states/KAZ/history?eventType=ReportSubmittedEvent&body=CAT", 200),
                Arguments.of("record", "/states/KAZ/record", 200),
                Arguments.of("record-correction", "/states/KAZ/record?kind=correction", 200),
                Arguments.of("export-import", "/states/KAZ/export-import", 200),
                Arguments.of("error-unknown-state", "/states/XYZ/calendar", 400)));
        for (FormCatalogue.Form form : FormCatalogue.forms()) {
            pages.add(Arguments.of("record-" + form.kind(), "/states/KAZ/record?kind=" + form.kind(), 200));
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageHasNoAccessibilityViolationAndFitsATablet(String name, String path, int status) {
        Page laptop = browser.page(1280, true);
        try {
            Response response = laptop.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(status);
            assertThat(laptop.locator("html")).hasAttribute("lang", "en");
            assertThat(laptop.locator("main#main")).hasCount(1);
            assertThat(laptop.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
            assertThat(laptop.locator("h1")).hasCount(1);
            browser.screenshot(laptop, name);
            browser.expectAccessible(laptop, path);
        } finally {
            browser.close(laptop);
        }

        // a tablet, with the pages' own content security policy in force
        Page tablet = browser.page(768, false);
        try {
            tablet.navigate(path);
            tablet.waitForLoadState();
            int overflow = ((Number) tablet.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
            assertThat(overflow).as(() -> "horizontal scroll of the page at 768 px on " + path + "; too wide: " + tablet.evaluate("""
                    () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                      .filter(e => !e.closest('.table-scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))""")).isLessThanOrEqualTo(0);
            if (List.of("dashboard", "calendar", "history", "record-concluding-observations", "treaties").contains(name)) {
                browser.screenshot(tablet, name + "-768px");
            }
            assertThat(browser.takeConsoleErrors()).as("console errors on " + path).isEmpty();
        } finally {
            browser.close(tablet);
        }
    }

    @Test
    void theKeyboardReachesTheSkipLinkFirstAndItMovesFocusToTheContent() {
        Page page = browser.page(1280);
        try {
            page.navigate("/states/KAZ/calendar");
            page.keyboard().press("Tab");
            Locator skip = page.locator(".skip-link");
            assertThat(skip).isFocused();
            assertThat(skip).isInViewport();
            assertThat(skip).hasText("Skip to main content");
            String outline = (String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
            assertThat(outline).as("a visible focus indicator").isNotEqualTo("none");
            page.keyboard().press("Enter");
            assertThat(page.locator("main#main")).isFocused();
            page.keyboard().press("Tab");
            // the first control of the content: the first filter
            assertThat(page.locator("#f-body")).isFocused();

            // the navigation, in order, after the state chooser
            page.navigate("/states/KAZ/treaties");
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                page.keyboard().press("Tab");
                order.add((String) page.evaluate("() => document.activeElement.textContent.trim() || document.activeElement.id"));
            }
            assertThat(order).containsSubsequence("Skip to main content", "Treaty Registry", "switch-state", "Go", "Dashboard",
                    "Calendar", "Treaties", "History", "Record a fact", "Export and import");
            assertThat(page.locator("nav[aria-label=Main] a[aria-current=page]")).hasText("Treaties");

            // the state chooser keeps the page: another state's treaties
            page.getByLabel("State (ISO code)").fill("uzb");
            page.getByLabel("State (ISO code)").press("Enter");
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/states/UZB/treaties$"));
            assertThat(page.locator("h1")).hasText("UZB: ratifications and competence");
            assertThat(page.locator("main")).containsText("No participation is recorded for this state.");
        } finally {
            browser.close(page);
        }
        assertThat(browser.takeConsoleErrors()).isEmpty();
    }

    @Test
    void theCalendarDrawsOneTimelinePerTreatyBodyWithTheLatePatternInWords() {
        Page page = browser.page(1280);
        try {
            page.navigate("/states/KAZ/calendar");
            Locator charts = page.locator("figure.timeline");
            assertThat(charts.first()).isVisible();
            assertThat(charts).hasCount((int) page.locator("figure.timeline svg[role=img]").count());
            Locator cerd = page.locator("#timeline-cerd");
            assertThat(cerd.locator("svg")).hasAttribute("aria-labelledby", "timeline-cerd-title timeline-cerd-desc");
            assertThat(cerd.locator(".timeline-summary")).containsText("came in late");
            assertThat(cerd.locator(".timeline-summary")).containsText("overdue now");
            assertThat(cerd.locator("path.mark-overdue").first()).isAttached();
            assertThat(cerd.locator("path.mark-submitted").first()).isAttached();
            assertThat(cerd.locator("path.mark-review").first()).isAttached();
            assertThat(cerd.locator("path.mark-co").first()).isAttached();
            assertThat(cerd.locator("line.link-late").first()).isAttached();
            cerd.screenshot(new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("calendar-timeline-cerd.png")));
            page.locator("#timeline-crpd").screenshot(new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("calendar-timeline-crpd.png")));

            // the table says the same in words: a due date with its precision, the basis, tentative or confirmed
            Locator crpd = page.locator("#calendar-table tr[data-uid='obligation:KAZ:CRPD/report:2']");
            assertThat(crpd).containsText("2029-05-21 (day)");
            assertThat(crpd).containsText("CRPD/C/KAZ/CO/1");
            assertThat(crpd).containsText("confirmed (committee decision)");
            assertThat(page.locator("#calendar-table tr[data-uid='obligation:KAZ:ICERD/report:11']")).containsText("2019 (year)");
            assertThat(page.locator("#calendar-table tr[data-uid='obligation:KAZ:ICERD/report:11'] .status")).hasText("Overdue");

            // statuses as of another day, and as recorded at another moment
            page.locator("#f-asof").fill("2012-06-30");
            page.locator("#f-items").selectOption("all");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            assertThat(page.locator(".lead")).containsText("Statuses as of 2012-06-30");
            assertThat(page.locator("#calendar-table tr[data-uid='obligation:KAZ:CRPD/report:1']")).hasCount(0);
            page.locator("#f-recorded").fill("2000-01-01T00:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            assertThat(page.locator("main")).containsText("No items match these filters.");
        } finally {
            browser.close(page);
        }
        assertThat(browser.takeConsoleErrors()).isEmpty();
    }

    @Test
    void theHistoryFiltersByKindOfEventAndByRecordingTime() {
        Page page = browser.page(1280);
        try {
            page.navigate("/states/KAZ/history");
            page.locator("#f-event").selectOption("ReviewHeldEvent");
            page.locator("#f-body").selectOption("CAT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            Locator rows = page.locator("#history-table tbody tr");
            assertThat(rows.first()).isVisible();
            assertThat(page.locator("#history-table tbody tr:not([data-event=ReviewHeldEvent])")).hasCount(0);
            assertThat(page.locator("#f-event")).hasValue("ReviewHeldEvent");
            page.locator("#f-recorded").fill("2001-01-01T00:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            assertThat(page.locator("main")).containsText("No recorded fact matches these filters.");
        } finally {
            browser.close(page);
        }
        assertThat(browser.takeConsoleErrors()).isEmpty();
    }
}
