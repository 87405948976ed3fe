package org.treatyregistry.api.audit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.treatyregistry.projections.facts.EventPayloads;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.sql.PreparedStatement;
import java.util.Collections;

/** The JDBC event store with its hash chain (replaces Axon's auto-configured one; not used with Axon Server). */
@org.springframework.context.annotation.Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStoreConfig {

    /** The last global index linked into the hash chain (-1 while the chain is empty). */
    static final String SEALED_HEAD = "(SELECT global_index FROM event_chain_head WHERE id = 1)";

    @Bean
    @org.springframework.context.annotation.Primary
    public PersistenceExceptionResolver duplicateKeyResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Projected facts leave their JSON to this store's event table (see FactRepository) when a stored payload reads back
     * as the very fact: no upcaster, and the event serializer writes with the mapper the projections read with.
     */
    @Bean
    public EventPayloads eventPayloads(@Qualifier("eventSerializer") Serializer eventSerializer, ObjectMapper json,
                                       EventSchema eventSchema, ApplicationContext context) {
        boolean sameMapper = eventSerializer instanceof JacksonSerializer jackson && jackson.getObjectMapper() == json;
        return sameMapper && context.getBeansOfType(EventUpcaster.class).isEmpty() ? new EventPayloads(eventSchema.domainEventTable()) : null;
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema,
                                                 ChainSealer sealer) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .snapshotSerializer(defaultSerializer)
                // a hand-built engine must be handed the upcasters itself
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .connectionProvider(connectionProvider)
                // streaming readers (the projection processor) see events up to the sealed chain head only: below it
                // every global index is final (committed, or a rolled-back append that never will be), so a reader
                // never moves past an index whose transaction is still to commit. Axon's own guard, remembering the
                // gap, is skipped when the event above it looks older than the gap timeout (by its timestamp, set
                // before the commit), and appends commit concurrently. Gaps still listed in a token are read
                // unbounded: they are below the head by construction.
                .readEventDataWithoutGaps((connection, schema, globalIndex, batchSize) -> {
                    PreparedStatement read = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                            + " FROM " + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? AND "
                            + schema.globalIndexColumn() + " <= LEAST(?, " + SEALED_HEAD + ") ORDER BY " + schema.globalIndexColumn());
                    read.setLong(1, globalIndex);
                    read.setLong(2, globalIndex + batchSize);
                    return read;
                })
                .readEventDataWithGaps((connection, schema, globalIndex, batchSize, gaps) -> {
                    PreparedStatement read = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                            + " FROM " + schema.domainEventTable() + " WHERE (" + schema.globalIndexColumn() + " > ? AND "
                            + schema.globalIndexColumn() + " <= LEAST(?, " + SEALED_HEAD + ")) OR " + schema.globalIndexColumn()
                            + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ") ORDER BY " + schema.globalIndexColumn());
                    read.setLong(1, globalIndex);
                    read.setLong(2, globalIndex + batchSize);
                    for (int i = 0; i < gaps.size(); i++) {
                        read.setLong(i + 3, gaps.get(i));
                    }
                    return read;
                })
                // the next event after a stretch of missing indexes, for the same reason bounded by the head
                .fetchTrackedEvents((connection, schema, index) -> {
                    PreparedStatement next = connection.prepareStatement("SELECT min(" + schema.globalIndexColumn() + ") FROM "
                            + schema.domainEventTable() + " WHERE " + schema.globalIndexColumn() + " > ? AND "
                            + schema.globalIndexColumn() + " <= " + SEALED_HEAD);
                    next.setLong(1, index);
                    return next;
                });
        // the head token stays the highest committed index: ProjectionAdmin waits for the read models to reach it
        return new ChainedJdbcEventStorageEngine(builder, transactionManager, eventSchema, sealer);
    }

    /**
     * Axon's event store, its streaming readers woken when the sealer has found new links (SealedEventStore): they see
     * an event only once it is sealed, and would otherwise wait for their next poll (a second).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration, ChainSealer sealer) {
        SealedEventStore store = new SealedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), sealer.deferred());
        sealer.onSealed(store::sealed);
        return store;
    }
}
