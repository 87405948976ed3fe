package org.treatyregistry.core.architecture.samples.catalogue;

/** Allowed: everything may depend on the catalogue. */
public record CatalogueSample(String code) {
}
