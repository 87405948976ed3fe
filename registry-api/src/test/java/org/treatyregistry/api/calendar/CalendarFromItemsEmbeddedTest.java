package org.treatyregistry.api.calendar;

import org.treatyregistry.api.support.RunningRegistry;

import java.nio.file.Files;

/** The contract on the embedded default: H2 (PostgreSQL mode) in a fresh directory. */
class CalendarFromItemsEmbeddedTest extends CalendarFromItemsContract {

    @Override
    RunningRegistry newRegistry() throws Exception {
        return RunningRegistry.embedded(Files.createTempDirectory("registry-calendar-").resolve("data"), false);
    }
}
