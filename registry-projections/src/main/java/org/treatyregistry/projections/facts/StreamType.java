package org.treatyregistry.projections.facts;

import org.treatyregistry.core.competence.CompetenceFact;
import org.treatyregistry.core.ratification.ParticipationFact;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.upr.UprFact;

/** The kinds of event stream whose facts the read models keep. */
public enum StreamType {
    PARTICIPATION(ParticipationFact.class), COMPETENCE(CompetenceFact.class), REPORTING(ReportingFact.class), UPR(UprFact.class);

    private final Class<?> factType;

    StreamType(Class<?> factType) {
        this.factType = factType;
    }

    /** What the stream's facts are (the type their JSON is read back as). */
    public Class<?> factType() {
        return factType;
    }
}
