package org.treatyregistry.core.reporting;

/**
 * Why an item is due when it is: computed from a treaty article (tentative: a committee may set another date) or set
 * by a committee decision, cited by document symbol (confirmed).
 */
public record DueBasis(Kind kind, String citation) {

    public enum Kind { TREATY_RULE, COMMITTEE_DECISION }

    public static DueBasis treaty(String citation) {
        return new DueBasis(Kind.TREATY_RULE, citation);
    }

    public static DueBasis committee(String citation) {
        return new DueBasis(Kind.COMMITTEE_DECISION, citation);
    }

    public boolean confirmed() {
        return kind == Kind.COMMITTEE_DECISION;
    }
}
