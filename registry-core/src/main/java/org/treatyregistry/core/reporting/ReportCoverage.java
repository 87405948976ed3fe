package org.treatyregistry.core.reporting;

import org.treatyregistry.core.shared.RegistryException;

/**
 * Which reports in a state's sequence a document is, or is due to be: 1 is the initial report, 2 the second, and a
 * combined report covers a range (the 8th to 10th: {@code 8..10}).
 */
public record ReportCoverage(int from, int to) {

    public ReportCoverage {
        if (from < 1) {
            throw RegistryException.invalid("INVALID_COVERAGE", "covers.from", "reports are numbered from 1 (the initial report)");
        }
        if (to < from) {
            throw RegistryException.invalid("INVALID_COVERAGE", "covers.to", "the last report covered (" + to + ") comes before the first (" + from + ")");
        }
        if (to - from > 20) {
            throw RegistryException.invalid("INVALID_COVERAGE", "covers.to", "a combined report cannot cover more than 21 reports");
        }
    }

    public static ReportCoverage single(int ordinal) {
        return new ReportCoverage(ordinal, ordinal);
    }

    public boolean overlaps(ReportCoverage other) {
        return from <= other.to && other.from <= to;
    }

    public boolean contains(int ordinal) {
        return from <= ordinal && ordinal <= to;
    }

    public ReportCoverage union(ReportCoverage other) {
        return new ReportCoverage(Math.min(from, other.from), Math.max(to, other.to));
    }

    /** "initial report", "3rd periodic report", "combined 2nd to 4th periodic reports", "combined initial to 3rd reports". */
    public String label() {
        if (from == to) {
            return from == 1 ? "initial report" : ordinal(from) + " periodic report";
        }
        return from == 1 ? "combined initial to " + ordinal(to) + " reports"
                : "combined " + ordinal(from) + " to " + ordinal(to) + " periodic reports";
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
