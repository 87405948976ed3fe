package org.treatyregistry.core.reporting;

import org.junit.jupiter.api.Test;
import org.treatyregistry.core.shared.Json;
import org.treatyregistry.core.shared.LegalDate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.core.reporting.ReportingObligationTest.CO1;
import static org.treatyregistry.core.reporting.ReportingObligationTest.CO1_WITH_FOLLOW_UP;
import static org.treatyregistry.core.reporting.ReportingObligationTest.CRPD;
import static org.treatyregistry.core.reporting.ReportingObligationTest.CRPD_ID;
import static org.treatyregistry.core.reporting.ReportingObligationTest.INITIAL_REPORT;
import static org.treatyregistry.core.reporting.ReportingObligationTest.KAZ;
import static org.treatyregistry.core.reporting.ReportingObligationTest.OPENED;
import static org.treatyregistry.core.reporting.ReportingObligationTest.REVIEW;

/** Reporting events survive the event store's JSON, nested values and polymorphic corrections included. */
class ReportingEventJsonTest {

    @Test
    void everyReportingEventRoundTrips() {
        List<Object> events = List.of(OPENED, INITIAL_REPORT, REVIEW, CO1, CO1_WITH_FOLLOW_UP,
                new ListOfIssuesPriorToReportingTransmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/QPR/2-4", LegalDate.parse("2028-04"),
                        LegalDate.parse("2029-05-21"), new ReportCoverage(2, 4), null),
                new FollowUpInformationSubmittedEvent(CRPD_ID, KAZ, CRPD, "CRPD/C/KAZ/FCO/1", LegalDate.parse("2026"), "CRPD/C/KAZ/CO/1", null),
                new DueDateRevisedEvent(CRPD_ID, KAZ, CRPD, "report:2", LegalDate.parse("2029-05-21"), LegalDate.parse("2030-05-21"),
                        "rescheduled", null, null));

        assertThat(events).allSatisfy(event -> assertThat(Json.roundTrip(event)).isEqualTo(event));
    }

    @Test
    void aCorrectionRoundTripsWithItsPolymorphicReplacement() {
        List<ReportingFact> replacements = List.of(OPENED, INITIAL_REPORT, REVIEW, CO1_WITH_FOLLOW_UP);

        for (ReportingFact replacement : replacements) {
            ReportingFactCorrectedEvent corrected = new ReportingFactCorrectedEvent(CRPD_ID, KAZ, CRPD, 1, "why", null, replacement);
            assertThat(Json.roundTrip(corrected)).isEqualTo(corrected);
        }
        assertThat(Json.write(new ReportingFactCorrectedEvent(CRPD_ID, KAZ, CRPD, 0, "why", null, OPENED))).contains("\"fact\":\"opened\"");
    }

    @Test
    void aCorrectionCommandCarriesItsReplacementCommand() throws Exception {
        CorrectReportingFactCommand command = new CorrectReportingFactCommand(KAZ, CRPD, 1, "why", null,
                new RecordReportSubmissionCommand(KAZ, CRPD, "CRPD/C/KAZ/1", LegalDate.parse("2017-06-09"), ReportCoverage.single(1), null, null));

        String json = Json.write(command);

        assertThat(json).contains("\"fact\":\"report\"");
        assertThat(Json.mapper().readValue(json, CorrectReportingFactCommand.class)).isEqualTo(command);
    }
}
