package org.treatyregistry.api.audit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store with the hash chain (docs/audit.md).
 * <p>
 * On PostgreSQL an append writes, in the same statement as each event row and before it draws the event's global index,
 * a marker that the registry wrote the event ({@code event_chain_pending}); once the transaction commits, the
 * {@link ChainSealer} links the event into the chain. The chain's work is out of the append's transaction, and appends
 * commit concurrently (group commit); streaming readers see an event once it is sealed (see the constructor).
 * <p>
 * On H2 (the embedded, single-node default) an append links its events itself, in its own transaction, under the chain
 * head's lock: chain order is global-index order and appends are serialised, which one node on an embedded database
 * does not notice.
 */
public class ChainedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final String eventTable;
    private final ChainSealer sealer;
    private final String markedInsert;
    private final String snapshotTable;
    // null until the snapshot table has been looked at once
    private volatile Boolean snapshotsInUse;

    /**
     * @param builder      a configured {@link JdbcEventStorageEngine#builder()}: Axon's builder cannot be subclassed
     * @param transactions the same transaction manager the builder was given
     * @param schema       the same schema the builder was given
     * @param sealer       links the events after commit, when the database is PostgreSQL
     */
    public ChainedJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions, EventSchema schema,
                                         ChainSealer sealer) {
        super(builder);
        this.transactions = transactions;
        this.eventTable = schema.domainEventTable();
        this.sealer = sealer;
        this.snapshotTable = schema.snapshotTable();
        // Evaluated in this order (the event row is built from the marker's row): the marker first, which gives the
        // transaction its id before nextval draws the global index (what the sealer's judgement of gaps relies on),
        // then the event row. Appends commit concurrently, so a lower global index can become visible after a higher
        // one; the streaming processors read only up to the sealed chain head (EventStoreConfig), below which every
        // index is final, so they never pass an event that is still to commit.
        this.markedInsert = "WITH registered AS (INSERT INTO event_chain_pending (event_identifier) VALUES (?) RETURNING event_identifier)"
                + " INSERT INTO " + eventTable + " (" + String.join(", ", schema.eventIdentifierColumn(), schema.aggregateIdentifierColumn(),
                schema.sequenceNumberColumn(), schema.typeColumn(), schema.timestampColumn(), schema.payloadTypeColumn(),
                schema.payloadRevisionColumn(), schema.payloadColumn(), schema.metaDataColumn()) + ")"
                + " SELECT registered.event_identifier, ?, ?, ?, ?, ?, ?, ?, ? FROM registered";
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (sealer.deferred()) {
            super.appendEvents(events, serializer);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        sealer.wake();
                    }
                });
            } else {
                sealer.wake();
            }
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

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        if (!sealer.deferred()) {
            return super.appendEvents(connection, events, serializer);
        }
        PreparedStatement insert = connection.prepareStatement(markedInsert);
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            insert.setString(1, event.getIdentifier());
            insert.setString(2, event.getAggregateIdentifier());
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            writeTimestamp(insert, 5, event.getTimestamp());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, metaData.getData());
            insert.addBatch();
        }
        return insert;
    }

    /**
     * The registry configures no snapshot trigger, so the snapshot table stays empty, and looking in it before every
     * aggregate is loaded was a round trip per command for nothing. It is still looked in once, and always once a
     * snapshot has been stored: snapshots taken by another configuration are used.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Boolean inUse = snapshotsInUse;
        if (inUse == null) {
            inUse = transactions.fetchInTransaction(() -> {
                try (Connection connection = getConnection();
                     PreparedStatement any = connection.prepareStatement("SELECT 1 FROM " + snapshotTable + " LIMIT 1");
                     ResultSet rs = any.executeQuery()) {
                    return rs.next();
                } catch (SQLException e) {
                    throw new IllegalStateException("could not read the snapshot table", e);
                }
            });
            snapshotsInUse = inUse;
        }
        return inUse ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshotsInUse = true;
        super.storeSnapshot(snapshot, serializer);
    }
}
