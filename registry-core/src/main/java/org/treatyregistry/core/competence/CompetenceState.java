package org.treatyregistry.core.competence;

import java.util.List;

/** What the effective facts of a recognition add up to: in force, opted out, or withdrawn. */
public record CompetenceState(CompetenceRecognizedEvent recognition, CompetenceOptedOutEvent optOut,
                              CompetenceWithdrawnEvent withdrawal) {

    public static CompetenceState of(List<CompetenceFact> facts) {
        CompetenceRecognizedEvent recognition = null;
        CompetenceOptedOutEvent optOut = null;
        CompetenceWithdrawnEvent withdrawal = null;
        for (CompetenceFact fact : facts) {
            if (fact instanceof CompetenceRecognizedEvent e) {
                recognition = e;
                withdrawal = null;
            } else if (fact instanceof CompetenceOptedOutEvent e) {
                optOut = e;
            } else if (fact instanceof CompetenceWithdrawnEvent e) {
                withdrawal = e;
            }
        }
        return new CompetenceState(recognition, optOut, withdrawal);
    }

    public boolean recognized() {
        return recognition != null && withdrawal == null;
    }

    public boolean optedOut() {
        return optOut != null;
    }
}
