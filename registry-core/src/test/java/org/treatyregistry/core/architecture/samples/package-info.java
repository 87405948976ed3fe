/**
 * Deliberate violations of the architecture rules, laid out like registry-core's feature packages. The architecture
 * test evaluates each rule against these classes to prove the rule can fail; they are never used otherwise.
 */
package org.treatyregistry.core.architecture.samples;
