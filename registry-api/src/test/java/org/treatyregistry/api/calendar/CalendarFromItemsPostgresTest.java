package org.treatyregistry.api.calendar;

import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;

/** The contract on a real PostgreSQL. */
class CalendarFromItemsPostgresTest extends CalendarFromItemsContract {

    @Override
    RunningRegistry newRegistry() {
        return RunningRegistry.postgres(TestPostgres.newDatabase(), false);
    }
}
