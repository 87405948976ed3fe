package org.treatyregistry.core.architecture.samples.reporting;

import org.treatyregistry.core.architecture.samples.catalogue.CatalogueSample;

/** Allowed: reporting may depend on ratification (its policy follows ratifications). */
public record ReportingSample(CatalogueSample instrument) {

    public Object ratification() {
        return new org.treatyregistry.core.architecture.samples.ratification.RatificationSample(instrument, null, this);
    }
}
