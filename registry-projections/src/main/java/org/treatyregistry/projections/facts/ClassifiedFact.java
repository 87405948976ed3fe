package org.treatyregistry.projections.facts;

import org.treatyregistry.core.competence.CompetenceFact;
import org.treatyregistry.core.competence.CompetenceFactCorrectedEvent;
import org.treatyregistry.core.ratification.ParticipationFact;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingFactCorrectedEvent;
import org.treatyregistry.core.shared.StateCode;
import org.treatyregistry.core.upr.UprFact;
import org.treatyregistry.core.upr.UprFactCorrectedEvent;

import java.util.Optional;

/**
 * An event payload seen as a fact of a stream: the fact itself, or for a correction the replacement and the sequence
 * number it replaces.
 */
public record ClassifiedFact(StreamType streamType, StateCode state, Object fact, Long correctsSequence) {

    public static Optional<ClassifiedFact> of(Object payload) {
        if (payload instanceof ParticipationFact f) {
            return Optional.of(new ClassifiedFact(StreamType.PARTICIPATION, f.state(), f, null));
        }
        if (payload instanceof ParticipationFactCorrectedEvent c) {
            return Optional.of(new ClassifiedFact(StreamType.PARTICIPATION, c.state(), c.replacement(), c.correctsSequence()));
        }
        if (payload instanceof CompetenceFact f) {
            return Optional.of(new ClassifiedFact(StreamType.COMPETENCE, f.state(), f, null));
        }
        if (payload instanceof CompetenceFactCorrectedEvent c) {
            return Optional.of(new ClassifiedFact(StreamType.COMPETENCE, c.state(), c.replacement(), c.correctsSequence()));
        }
        if (payload instanceof ReportingFact f) {
            return Optional.of(new ClassifiedFact(StreamType.REPORTING, f.state(), f, null));
        }
        if (payload instanceof ReportingFactCorrectedEvent c) {
            return Optional.of(new ClassifiedFact(StreamType.REPORTING, c.state(), c.replacement(), c.correctsSequence()));
        }
        if (payload instanceof UprFact f) {
            return Optional.of(new ClassifiedFact(StreamType.UPR, f.state(), f, null));
        }
        if (payload instanceof UprFactCorrectedEvent c) {
            return Optional.of(new ClassifiedFact(StreamType.UPR, c.state(), c.replacement(), c.correctsSequence()));
        }
        return Optional.empty();
    }
}
