package org.treatyregistry.api.pages;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The export buttons and the import upload, as the desk uses them in the browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportImportBrowserTest {

    private Browser browser;
    private Page page;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start("exchange");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            browser.close(page);
            page = null;
        }
        assertThat(browser.takeConsoleErrors()).as("console errors").isEmpty();
    }

    @Test
    void theCalendarDownloadIsAnICalendarWithTheStatesItems() throws Exception {
        page = browser.page(1280);
        page.navigate("/states/KAZ/calendar");
        Download download = page.waitForDownload(() -> page.locator("#download-ics").click());
        assertThat(download.suggestedFilename()).isEqualTo("treaty-registry-calendar-KAZ.ics");
        String ics = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR");

        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar).as("the download parses as iCalendar").isNotNull();
        Set<String> uids = calendar.getEvents().stream().map(VEvent::getUid).map(u -> u.getValue()).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (JsonNode item : browser.http().get("/api/states/KAZ/calendar?status=UPCOMING,DUE_SOON,OVERDUE,REVIEWED_WITHOUT_REPORT&size=1000")
                .json().path("items")) {
            expected.add(item.path("uid").asText() + "@treaty-registry");
        }
        assertThat(expected).as("the state has items to send").isNotEmpty();
        assertThat(uids).as("every item still to be sent, and nothing else").isEqualTo(expected);
        assertThat(uids).contains("obligation:KAZ:CRPD/report:2@treaty-registry");
        assertThat(calendar.getEvents()).allSatisfy(e -> assertThat(e.getUid().getValue()).startsWith("obligation:KAZ:"));
    }

    @Test
    void theExportPageOffersEveryDownload() throws Exception {
        page = browser.page(1280);
        page.navigate("/states/KAZ/export-import");
        Download csv = page.waitForDownload(() -> page.locator("#export-calendar-csv").click());
        String calendar = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(calendar.lines().findFirst().orElse("")).contains("uid").contains("due");
        assertThat(calendar).contains("obligation:KAZ:CRPD/report:2");

        Download ratifications = page.waitForDownload(() -> page.locator("#export-ratifications-csv").click());
        assertThat(Files.readString(ratifications.path(), StandardCharsets.UTF_8)).contains("CRPD");
        Download history = page.waitForDownload(() -> page.locator("#export-history-csv").click());
        assertThat(Files.readString(history.path(), StandardCharsets.UTF_8)).contains("TreatyRatifiedEvent");
        Download ics = page.waitForDownload(() -> page.locator("#export-ics").click());
        assertThat(Files.readString(ics.path(), StandardCharsets.UTF_8)).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void anUploadedImportShowsItsProgressAndTheResultOfEveryRecord() {
        String file = """
                {"format": "treaty-registry-import/1", "state": "URY", "title": "Uruguay: a few facts",
                 "records": [
                   {"id": "CAT-ratification", "fact": "ratification", "instrument": "CAT", "action": "RATIFICATION",
                    "depositedOn": "1986-10-24", "source": {"symbol": "C.N.1986"}},
                   {"id": "CAT-report-1", "fact": "report", "instrument": "CAT", "symbol": "CAT/C/17/Add.4",
                    "receivedOn": "1989-06-15", "covers": {"from": 1, "to": 1}},
                   {"id": "bad-date", "fact": "signature", "instrument": "CRPD", "signedOn": "2007-02-30"}
                 ]}""";
        page = browser.page(1280, true);
        page.navigate("/states/URY/export-import");
        page.getByLabel("Import file (JSON)").setInputFiles(new FilePayload("uruguay.json", "application/json",
                file.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();

        assertThat(page.locator("#import-status")).containsText("Import finished: 3 of 3 records processed");
        assertThat(page.locator("#import-status")).containsText("2 recorded, 0 already recorded, 1 rejected");
        assertThat(page.locator("#import-bar")).hasAttribute("value", "3");
        Locator rows = page.locator("#import-table tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0)).containsText("CAT-ratification");
        assertThat(rows.nth(0).locator(".status")).hasText("Recorded");
        assertThat(rows.nth(1).locator(".status")).hasText("Recorded");
        assertThat(rows.nth(2).locator(".status")).hasText("Rejected");
        assertThat(rows.nth(2)).containsText("signedOn");
        browser.screenshot(page, "flow-import-results");
        browser.expectAccessible(page, "the import's progress and results");

        // the same file again changes nothing
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.locator("#import-status")).containsText("0 recorded, 2 already recorded, 1 rejected");

        // the imported facts are on the state's pages
        page.navigate("/states/URY/treaties");
        assertThat(page.locator("#ratifications tr[data-instrument=CAT]")).containsText("1986-10-24 (day)");
    }

    @Test
    void aFileThatIsNotAnImportIsRefusedByTheFileField() {
        page = browser.page(1280);
        page.navigate("/states/KAZ/export-import");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.locator("#import-file-error")).containsText("choose a file");
        assertThat(page.getByLabel("Import file (JSON)")).hasAttribute("aria-invalid", "true");

        page.getByLabel("Import file (JSON)").setInputFiles(new FilePayload("notes.json", "application/json",
                "{\"format\": \"something-else\"}".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.locator("#import-file-error")).containsText("treaty-registry-import/1");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Not imported");

        Page axe = browser.page(1280, true);
        try {
            axe.navigate("/states/KAZ/export-import");
            axe.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
            assertThat(axe.locator("#import-file-error")).isVisible();
            browser.expectAccessible(axe, "the import form showing a refusal");
        } finally {
            browser.close(axe);
        }
    }
}
