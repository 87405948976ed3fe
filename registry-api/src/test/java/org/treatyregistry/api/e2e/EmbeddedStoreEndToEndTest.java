package org.treatyregistry.api.e2e;

import org.treatyregistry.api.support.RunningRegistry;

/** The contract on the embedded default: H2 file database, each registry in a fresh directory. */
class EmbeddedStoreEndToEndTest extends RegistryEndToEndContract {

    @Override
    RunningRegistry newRegistry(boolean demoData) throws Exception {
        return RunningRegistry.embedded(tempDir("registry-h2-").resolve("data"), demoData);
    }
}
