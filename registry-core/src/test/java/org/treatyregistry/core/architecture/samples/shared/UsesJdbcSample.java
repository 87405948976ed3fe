package org.treatyregistry.core.architecture.samples.shared;

import java.sql.Connection;

/** Violation: the core may not touch JDBC. */
public class UsesJdbcSample {

    private Connection connection;

    public Connection connection() {
        return connection;
    }
}
