package org.treatyregistry.api.e2e;

import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;

/** The contract on a real PostgreSQL, each registry on a database of its own. */
class PostgresEndToEndTest extends RegistryEndToEndContract {

    @Override
    RunningRegistry newRegistry(boolean demoData) {
        return RunningRegistry.postgres(TestPostgres.newDatabase(), demoData);
    }
}
