package org.treatyregistry.core.reporting;

/** Standard: report, then list of issues. Simplified (LOIPR): the committee's list comes first and the reply is the report. */
public enum ReportingProcedure {
    STANDARD, SIMPLIFIED
}
