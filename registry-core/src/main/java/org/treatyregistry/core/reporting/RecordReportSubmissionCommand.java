package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/**
 * @param symbol     the UN symbol of the report (CRPD/C/KAZ/1)
 * @param receivedOn the "[Date received]" on the report's cover, not its distribution date; {@code null} when no source
 *                   gives it: the report is then known to have been submitted, but not when
 * @param covers     which reports it is (combined reports cover a range)
 */
public record RecordReportSubmissionCommand(StateCode state, InstrumentCode instrument, String symbol,
                                            LegalDate receivedOn, ReportCoverage covers, ReportingProcedure procedure,
                                            Source source) implements ReportingCommand {
}
