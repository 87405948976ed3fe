package org.treatyregistry.core.catalogue;

/**
 * What the treaty text says about reports to its monitoring body.
 *
 * @param kind             whether the instrument has reports of its own, folds into its parent's, or has none
 * @param initialYears     the initial report is due this many years after entry into force for the state
 * @param periodicYears    the treaty default between periodic reports; {@code null} when reports come only on request
 * @param article          the article that sets these periods, cited as the basis of every computed due date
 * @param parent           for protocols whose later reporting goes into the parent treaty's reports (OPAC, OPSC, ICCPR-OP2)
 * @param practiceNote     what committee practice adds (marked [P] in the rules when not re-verified)
 * @param laterReportsName what the reports after the first are called when they are not periodic reports
 *                         (CPED art. 29(4): additional information); {@code null} for periodic reports
 */
public record ReportingRule(Kind kind, Integer initialYears, Integer periodicYears, String article,
                            InstrumentCode parent, String practiceNote, String laterReportsName) {

    public enum Kind {
        /** Initial and periodic reports of its own. */
        OWN_REPORTS,
        /** An initial report of its own, then its reporting folds into the parent treaty's periodic reports. */
        INITIAL_THEN_PARENT,
        /** No report of its own: everything goes into the parent treaty's reports. */
        IN_PARENT_REPORTS,
        /** No reporting at all (communications protocols, OP-CAT). */
        NONE
    }

    public boolean opensObligation() {
        return kind == Kind.OWN_REPORTS || kind == Kind.INITIAL_THEN_PARENT;
    }

    public boolean hasPeriodicReports() {
        return kind == Kind.OWN_REPORTS && periodicYears != null;
    }

    static ReportingRule own(int initialYears, Integer periodicYears, String article, String practiceNote) {
        return new ReportingRule(Kind.OWN_REPORTS, initialYears, periodicYears, article, null, practiceNote, null);
    }

    /** One report, then further information only on the committee's request, under its own name. */
    static ReportingRule onceThenOnRequest(int initialYears, String article, String practiceNote, String laterReportsName) {
        return new ReportingRule(Kind.OWN_REPORTS, initialYears, null, article, null, practiceNote, laterReportsName);
    }

    static ReportingRule initialThenParent(int initialYears, String article, String parent) {
        return new ReportingRule(Kind.INITIAL_THEN_PARENT, initialYears, null, article, InstrumentCode.of(parent), null, null);
    }

    static ReportingRule inParent(String article, String parent) {
        return new ReportingRule(Kind.IN_PARENT_REPORTS, null, null, article, InstrumentCode.of(parent), null, null);
    }

    static ReportingRule none(String note) {
        return new ReportingRule(Kind.NONE, null, null, null, null, note, null);
    }
}
