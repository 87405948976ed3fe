package org.treatyregistry.api.audit;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Recognises a unique-key violation by its SQL state (23505) anywhere in the cause chain, as pgjdbc reports it (inside a
 * BatchUpdateException), so that two instances appending the same sequence number to one stream surface as Axon's
 * ConcurrencyException (409 for the client), not as a storage failure.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private final PersistenceExceptionResolver fallback = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return fallback.isDuplicateKeyViolation(exception);
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
            if (s instanceof BatchUpdateException && s.getNextException() == s) {
                break;
            }
        }
        return false;
    }
}
