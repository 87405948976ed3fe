package org.treatyregistry.core.reporting;

import org.treatyregistry.core.shared.LegalDate;

/** The next report as the committee asks for it in its concluding observations: which ordinals, by when. */
public record NextReportRequest(ReportCoverage covers, LegalDate due) {
}
