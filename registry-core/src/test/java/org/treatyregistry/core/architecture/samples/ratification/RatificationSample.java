package org.treatyregistry.core.architecture.samples.ratification;

import org.treatyregistry.core.architecture.samples.catalogue.CatalogueSample;
import org.treatyregistry.core.architecture.samples.reporting.ReportingSample;
import org.treatyregistry.core.architecture.samples.shared.SharedSample;

/** Violation: ratification may not depend on reporting (the dependency runs the other way). */
public record RatificationSample(CatalogueSample instrument, SharedSample date, ReportingSample obligation) {
}
