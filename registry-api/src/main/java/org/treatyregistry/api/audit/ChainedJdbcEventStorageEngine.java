package org.treatyregistry.api.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's JDBC event store, which also links every appended event into a hash chain, in the same transaction. The
 * append takes a lock on the chain head first, so chain order is global-index order and two appends cannot fork it;
 * the price is that appends are serialised (see docs/audit.md).
 */
public class ChainedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final String eventTable;

    /**
     * @param builder      a configured {@link JdbcEventStorageEngine#builder()}: Axon's builder cannot be subclassed
     * @param transactions the same transaction manager the builder was given
     * @param schema       the same schema the builder was given
     */
    public ChainedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions, EventSchema schema) {
        super(builder);
        this.transactions = transactions;
        this.eventTable = schema.domainEventTable();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                long headIndex;
                String headHash;
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT global_index, hash FROM event_chain_head WHERE id = 1 FOR UPDATE");
                     ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the event chain head is missing: the store was not created by the registry's migrations");
                    }
                    headIndex = rs.getLong(1);
                    headHash = rs.getString(2);
                }
                super.appendEvents(events, serializer);
                String previous = headHash;
                long last = headIndex;
                try (PreparedStatement appended = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM " + eventTable
                        + " WHERE global_index > ? ORDER BY global_index");
                     PreparedStatement link = connection.prepareStatement(
                             "INSERT INTO event_chain (global_index, event_identifier, previous_hash, hash) VALUES (?, ?, ?, ?)")) {
                    appended.setLong(1, headIndex);
                    try (ResultSet rs = appended.executeQuery()) {
                        while (rs.next()) {
                            StoredEvent event = StoredEvent.read(rs);
                            String hash = EventHash.of(previous, event);
                            link.setLong(1, event.globalIndex());
                            link.setString(2, event.eventIdentifier());
                            link.setString(3, previous);
                            link.setString(4, hash);
                            link.addBatch();
                            previous = hash;
                            last = event.globalIndex();
                        }
                    }
                    link.executeBatch();
                }
                try (PreparedStatement head = connection.prepareStatement("UPDATE event_chain_head SET global_index = ?, hash = ? WHERE id = 1")) {
                    head.setLong(1, last);
                    head.setString(2, previous);
                    head.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not link the appended events into the hash chain", e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the transaction owns the connection; closing returns it
                }
            }
        });
    }
}
