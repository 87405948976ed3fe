package org.treatyregistry.core.architecture.samples.competence;

import org.treatyregistry.core.architecture.samples.upr.UprSample;

/** Violation: competence may not depend on upr. */
public record CompetenceSample(UprSample review) {
}
