package org.treatyregistry.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording forms as the desk uses them: a fact typed into a form goes to the REST API, a refusal appears next to
 * the field it names with what was typed still there, and a recorded fact shows its deadlines on the dashboard.
 * Each test works on a state of its own, so that they do not depend on one another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingFormsBrowserTest {

    private Browser browser;
    private Page page;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start("forms");
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

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aRatificationRecordedThroughTheFormPutsItsInitialReportDeadlineOnTheDashboard() {
        // deposited 18 months ago: CRPD in force on the 30th day, initial report 2 years later, so due within 12 months
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate deposited = today.minusMonths(18).withDayOfMonth(10);
        LocalDate expectedDue = deposited.plusDays(30).plusYears(2);

        page = browser.page(1280);
        page.navigate("/states/FRA/record");
        page.getByLabel("Kind of fact", new Page.GetByLabelOptions().setExact(true)).selectOption("ratification");
        button("Show the form").click();
        assertThat(page.locator("h2#form-title")).hasText("Ratification, accession or succession");
        page.getByLabel("Instrument").selectOption("CRPD");
        page.getByLabel("Action").selectOption("RATIFICATION");
        page.getByLabel("Deposited on").fill(deposited.toString());
        page.locator("#fact-source-symbol").fill("C.N.123.TREATIES-15");
        button("Record this fact").click();

        assertThat(page.locator("#result-title")).hasText("Recorded");
        assertThat(page.locator("#result-title")).isFocused();
        Locator initial = page.locator("#result-deadlines tr[data-uid='obligation:FRA:CRPD/report:1']");
        assertThat(initial).containsText(expectedDue + " (day)");
        assertThat(initial).containsText("New");
        assertThat(initial).containsText("CRPD art. 35");
        browser.screenshot(page, "flow-ratification-recorded");

        JsonNode api = browser.http().get("/api/states/FRA/calendar?instrument=CRPD").json().path("items").get(0);
        assertThat(api.path("due").asText()).as("the API agrees").isEqualTo(expectedDue.toString());

        page.navigate("/");
        page.getByLabel("State in focus", new Page.GetByLabelOptions().setExact(true)).selectOption("FRA");
        button("Show").click();
        assertThat(page.locator("h1")).hasText("Reporting dashboard: FRA");
        Locator row = page.locator("#coming tr[data-uid='obligation:FRA:CRPD/report:1']");
        assertThat(row).containsText("initial report");
        assertThat(row).containsText(expectedDue + " (day)");
        assertThat(row).containsText("tentative (treaty rule)");
        assertThat(row.locator(".status")).hasText(java.util.regex.Pattern.compile("Upcoming|Due soon"));
        assertThat(page.locator("#by-body tr[data-body=CRPD] td").nth(1)).hasText("1");
        browser.screenshot(page, "flow-dashboard-after-ratification");

        page.navigate("/?state=ALL");
        assertThat(page.locator("#coming tr[data-uid='obligation:FRA:CRPD/report:1']")).containsText("FRA");
    }

    @Test
    void aReportSubmittedThroughTheFormTakesTheItemOffTheOverdueList() {
        Http.Response ratified = browser.http().post("/api/states/NZL/participations/CAT/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"2015-01-10\",\"source\":{\"symbol\":\"C.N.9.2015\"}}");
        assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);
        String initial = "obligation:NZL:CAT/report:1";

        page = browser.page(1280);
        page.navigate("/?state=NZL");
        assertThat(page.locator("#overdue tr[data-uid='" + initial + "'] .status")).hasText("Overdue");

        // from the calendar's row, the form comes filled in with the instrument and the report's number
        page.navigate("/states/NZL/calendar");
        page.locator("#calendar-table tr[data-uid='" + initial + "']").getByRole(AriaRole.LINK).click();
        assertThat(page.locator("h2#form-title")).hasText("Report submission");
        assertThat(page.getByLabel("Instrument")).hasValue("CAT");
        assertThat(page.getByLabel("From report")).hasValue("1");
        assertThat(page.getByLabel("To report")).hasValue("1");
        page.getByLabel("Document symbol").first().fill("CAT/C/NZL/1");
        page.getByLabel("Received on").fill("2016-05-02");
        button("Record this fact").click();

        assertThat(page.locator("#result-title")).hasText("Recorded");
        Locator row = page.locator("#result-deadlines tr[data-uid='" + initial + "']");
        assertThat(row.locator(".status")).hasText("Submitted, awaiting review");
        assertThat(row).containsText("Was: Overdue");
        browser.screenshot(page, "flow-report-recorded");

        page.navigate("/?state=NZL");
        assertThat(page.locator("#overdue tr[data-uid='" + initial + "']")).hasCount(0);
        assertThat(page.locator("#awaiting tr[data-uid='" + initial + "'] .status")).hasText("Submitted, awaiting review");
        assertThat(page.locator("#overdue tr[data-uid='obligation:NZL:CAT/report:2']")).hasCount(1);
    }

    @Test
    void anInvalidDateIsShownByItsFieldAndWhatWasTypedStays() {
        page = browser.page(1280);
        page.navigate("/states/CHL/record?kind=ratification");
        page.getByLabel("Instrument").selectOption("CPED");
        page.getByLabel("Action").selectOption("ACCESSION");
        Locator deposited = page.getByLabel("Deposited on");
        deposited.fill("2009-02-30");
        page.locator("#fact-source-symbol").fill("C.N.560.2009.TREATIES-13");
        page.locator("#fact-source-note").fill("typed by the desk");
        button("Record this fact").click();

        Locator error = page.locator("#fact-depositedOn-error");
        assertThat(error).isVisible();
        assertThat(error).containsText("not a real date");
        assertThat(deposited).hasAttribute("aria-invalid", "true");
        assertThat(deposited).hasAttribute("aria-describedby", java.util.regex.Pattern.compile("\\bfact-depositedOn-error\\b"));
        assertThat(deposited).isFocused();
        // the message sits in the field's own block, right under the input
        assertThat(page.locator(".field:has(#fact-depositedOn) #fact-depositedOn-error")).hasCount(1);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not a real date");
        assertThat(page.getByRole(AriaRole.ALERT).getByRole(AriaRole.LINK)).hasText("Go to the field: Deposited on");
        // nothing typed is lost
        assertThat(deposited).hasValue("2009-02-30");
        assertThat(page.getByLabel("Instrument")).hasValue("CPED");
        assertThat(page.getByLabel("Action")).hasValue("ACCESSION");
        assertThat(page.locator("#fact-source-symbol")).hasValue("C.N.560.2009.TREATIES-13");
        assertThat(page.locator("#fact-source-note")).hasValue("typed by the desk");
        assertThat(page.locator("#fact-depositedOn-error")).isVisible();
        browser.screenshot(page, "flow-invalid-date");
        Page axe = withAxe();
        try {
            browser.expectAccessible(axe, "the ratification form showing a refusal");
        } finally {
            browser.close(axe);
        }

        // corrected, it is recorded and the error goes
        deposited.fill("2009-12-08");
        button("Record this fact").click();
        assertThat(page.locator("#result-title")).hasText("Recorded");
        assertThat(page.locator("#fact-depositedOn-error")).isHidden();
        assertThat(deposited).not().hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#result-deadlines tr[data-uid='obligation:CHL:CPED/report:1']")).containsText("2012-12-23 (day)");
    }

    /** The same page, in a context where axe-core may be injected: re-enter what the page shows. */
    private Page withAxe() {
        Page axe = browser.page(1280, true);
        axe.navigate("/states/CHL/record?kind=ratification");
        axe.getByLabel("Instrument").selectOption("CPED");
        axe.getByLabel("Action").selectOption("ACCESSION");
        axe.getByLabel("Deposited on").fill("2009-02-30");
        axe.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record this fact")).click();
        assertThat(axe.locator("#fact-depositedOn-error")).isVisible();
        return axe;
    }

    @Test
    void nestedFieldsAndListRowsGetTheirOwnErrors() {
        page = browser.page(1280);
        page.navigate("/states/KAZ/record?kind=report");
        page.getByLabel("Instrument").selectOption("CAT");
        page.getByLabel("Document symbol").first().fill("CAT/C/KAZ/99");
        page.getByLabel("From report").fill("0");
        page.getByLabel("To report").fill("1");
        button("Record this fact").click();
        assertThat(page.locator("#fact-covers-from-error")).containsText("numbered from 1");
        assertThat(page.getByLabel("From report")).hasAttribute("aria-invalid", "true");

        page.navigate("/states/KAZ/record?kind=concluding-observations");
        page.getByLabel("Instrument").selectOption("CAT");
        page.getByLabel("Document symbol").first().fill("CAT/C/KAZ/CO/99");
        page.getByLabel("Adopted on").fill("2030-01-01");
        page.getByLabel("Review session").fill("99th session");
        button("Add a follow-up request").click();
        button("Add a follow-up request").click();
        assertThat(page.locator(".repeat-row")).hasCount(2);
        Locator second = page.locator(".repeat-row").nth(1);
        assertThat(second.getByLabel("Paragraphs")).isFocused();
        page.locator(".repeat-row").nth(0).getByLabel("Paragraphs").fill("10 and 12");
        page.locator(".repeat-row").nth(0).getByLabel("Due").fill("2031-01-01");
        second.getByLabel("Paragraphs").fill("14");
        second.getByLabel("Due").fill("20x1");
        button("Record this fact").click();
        assertThat(page.locator("#fact-followUp-1-due-error")).containsText("followUp[1].due");
        assertThat(second.getByLabel("Due")).hasAttribute("aria-invalid", "true");
        assertThat(second.getByLabel("Due")).hasValue("20x1");
        browser.screenshot(page, "flow-concluding-observations-row-error");
        // removing the first row renumbers the rest
        button("Remove request 1").click();
        assertThat(page.locator(".repeat-row")).hasCount(1);
        assertThat(page.locator(".repeat-row .row-number")).hasText("1");
        assertThat(page.locator(".repeat-row").getByLabel("Due")).hasAttribute("data-path", "followUp[0].due");
    }

    @Test
    void aCorrectionFromTheHistoryIsRecordedAndShownAsSuch() {
        Http.Response ratified = browser.http().post("/api/states/PER/participations/CRC/ratification",
                "{\"action\":\"RATIFICATION\",\"depositedOn\":\"1990-09-04\",\"source\":{\"symbol\":\"C.N.1.1990\"}}");
        assertThat(ratified.status()).as(ratified.body()).isEqualTo(201);

        page = browser.page(1280);
        page.navigate("/states/PER/history?eventType=TreatyRatifiedEvent");
        Locator original = page.locator("#history-table tr[data-event=TreatyRatifiedEvent]");
        assertThat(original).hasCount(1);
        original.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Correct fact"))).click();

        assertThat(page.locator("h2#form-title")).hasText("Correction of a recorded fact");
        assertThat(page.getByLabel("Kind of fact to correct")).hasValue("ratification");
        assertThat(page.locator("#correction-instrument")).hasValue("CRC");
        assertThat(page.getByLabel("Sequence number of the fact to correct")).hasValue("0");
        Locator replacement = page.locator("fieldset[data-replacement-kind=ratification]");
        assertThat(replacement).isVisible();
        assertThat(page.locator("fieldset[data-replacement-kind=signature]")).isHidden();
        replacement.getByLabel("Action").selectOption("RATIFICATION");
        replacement.getByLabel("Deposited on").fill("1990-09-05");
        page.getByLabel("Reason for the correction").fill("The depositary notification gives 5 September");
        page.locator("#correction-source-symbol").fill("C.N.2.1990");
        button("Record this correction").click();

        assertThat(page.locator("#result-title")).hasText("Recorded");
        assertThat(page.locator("#result-deadlines tr[data-uid='obligation:PER:CRC/report:1']")).containsText("Due date moved from 1992-10-04 (day)");
        browser.screenshot(page, "flow-correction-recorded");

        page.navigate("/states/PER/history");
        Locator correction = page.locator("#history-table tr[data-event=ParticipationFactCorrectedEvent]");
        assertThat(correction.locator(".status-correction")).hasText("Correction");
        assertThat(correction).containsText("Corrects fact #0 of this record.");
        assertThat(correction).containsText("The depositary notification gives 5 September");
        assertThat(page.locator("#history-table tr[data-key='participation:PER:CRC#0'] .status-corrected")).containsText("Corrected by #");
        browser.screenshot(page, "flow-history-with-correction");
    }

    @Test
    void aCompetenceRecognitionShowsTheBodysStandingAfterwards() {
        page = browser.page(1280);
        page.navigate("/states/URY/record?kind=competence-recognition");
        page.getByLabel("Treaty body").selectOption("CED");
        page.getByLabel("Mechanism").selectOption("INDIVIDUAL_COMMUNICATIONS");
        page.getByLabel("Effective from").fill("2009-12-08");
        button("Record this fact").click();
        assertThat(page.locator("#result-title")).hasText("Recorded");
        assertThat(page.locator("#result")).containsText("Individual communications: recognized from 2009-12-08");
        page.navigate("/states/URY/treaties");
        assertThat(page.locator("#competences tr[data-competence='CED:INDIVIDUAL_COMMUNICATIONS']")).containsText("CPED art. 31");
    }
}
