package org.treatyregistry.core.architecture.samples.upr;

import org.treatyregistry.core.architecture.samples.ratification.RatificationSample;

/** Violation: upr may not depend on ratification. */
public record UprSample(RatificationSample participation) {
}
