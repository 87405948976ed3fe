package org.treatyregistry.api.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.treatyregistry.api.audit.ChainSealer;

import javax.sql.DataSource;

/**
 * The projection processor's transactions, committed without waiting for the write-ahead log to reach the disk
 * ({@code synchronous_commit off}, PostgreSQL only). What they write is derived: the read models and, in the same
 * transaction, the processor's token. PostgreSQL loses at most the last few hundred milliseconds of such commits in a
 * crash of the machine or the database, never part of one and never one without those before it (the log is
 * sequential); the token then stands where the rows stand, and the processor projects those events again from the event
 * store, whose appends stay synchronous. An event the registry acknowledged is never lost; a read model can only fall
 * back in time and catch up. On any other database this changes nothing.
 */
public final class AsynchronousCommits implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public AsynchronousCommits(TransactionManager delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = ChainSealer.isPostgres(dataSource);
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        if (postgres) {
            try {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        }
        return transaction;
    }
}
