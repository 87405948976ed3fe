package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentCode;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.core.shared.Source;
import org.treatyregistry.core.shared.StateCode;

/** Under the simplified procedure the state's reply to this list is its report, due by {@code replyDue}. */
public record RecordListOfIssuesPriorToReportingCommand(StateCode state, InstrumentCode instrument, String symbol,
                                                        LegalDate transmittedOn, LegalDate replyDue,
                                                        ReportCoverage covers, Source source) implements ReportingCommand {
}
