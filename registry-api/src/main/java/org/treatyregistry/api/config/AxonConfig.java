package org.treatyregistry.api.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.treatyregistry.core.competence.CompetenceRecognition;
import org.treatyregistry.core.ratification.Participation;
import org.treatyregistry.core.reporting.ReportingObligation;
import org.treatyregistry.core.reporting.ReportingObligationPolicy;
import org.treatyregistry.core.upr.UniversalPeriodicReview;
import org.treatyregistry.projections.Projections;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * Axon wiring. registry-core stays free of Spring, so its aggregates and policy are registered here rather than found
 * by annotation scanning.
 */
@Configuration
public class AxonConfig {

    /** The policy that opens reporting obligations runs in the publishing unit of work: see ReportingObligationPolicy. */
    static final String POLICY_GROUP = "reporting-obligation-policy";

    @Bean
    public AggregateCaches aggregateCaches(@Value("${registry.aggregate-cache.capacity:5000}") int capacity,
                                           @Value("${axon.axonserver.enabled:true}") boolean axonServer) {
        return new AggregateCaches(capacity, axonServer);
    }

    @Bean
    public ConfigurerModule registryDomain(AggregateCaches caches, DataSource dataSource,
                                           @Value("${registry.slow-handling-warning:PT5S}") Duration slowHandlingWarning) {
        CachedCommandTargetResolver targets = new CachedCommandTargetResolver();
        SlowHandlingLog slow = new SlowHandlingLog(slowHandlingWarning);
        CachedAggregateVerification verification = new CachedAggregateVerification();
        return configurer -> {
            // Axon's own timeouts are off (application.yml): see SlowHandlingLog
            configurer.onInitialize(c -> c.onStart(() -> {
                c.commandBus().registerHandlerInterceptor(slow);
                c.commandBus().registerHandlerInterceptor(verification);
            }));
            configurer.eventProcessing().registerHandlerInterceptor(Projections.PROCESSING_GROUP, c -> slow);
            // each type its own cache of aggregates, checked against the store where a command's answer rests on it: see
            // CheckedAggregateCache
            for (Class<?> type : List.of(Participation.class, CompetenceRecognition.class, ReportingObligation.class,
                    UniversalPeriodicReview.class)) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                        .configureCache(c -> caches.create(type, c.eventStore()))
                        .configureCommandTargetResolver(c -> targets));
            }
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(POLICY_GROUP)
                    .registerEventHandler(c -> new ReportingObligationPolicy(c.commandGateway()))
                    .assignHandlerInstancesMatching(POLICY_GROUP, h -> h instanceof ReportingObligationPolicy)
                    .registerListenerInvocationErrorHandler(POLICY_GROUP, c -> PropagatingErrorHandler.instance())
                    // a projection that fails must stop and retry, never skip an event
                    .registerListenerInvocationErrorHandler(Projections.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                    // a segment that only skips events (they belong to another segment) writes its position when it
                    // extends its claim: do that often, so every instance sees where the read models stand
                    .registerPooledStreamingEventProcessorConfiguration(Projections.PROCESSING_GROUP,
                            (c, builder) -> builder.claimExtensionThreshold(500))
                    // read models and their token are derived from the event store: see AsynchronousCommits
                    .registerTransactionManager(Projections.PROCESSING_GROUP,
                            c -> new AsynchronousCommits(c.getComponent(TransactionManager.class), dataSource));
        };
    }

    /**
     * The gateway every command goes through (the REST API, the import, the policy): a command that lost a race with
     * another writer of its aggregate goes again, see ConflictRetry.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConflictRetry(3)).build();
    }

    /** Who recorded a command travels with the events it causes, including those of the policy's commands. */
    @Bean
    public CorrelationDataProvider recordedByCorrelation() {
        return new SimpleCorrelationDataProvider(Projections.RECORDED_BY, "importBatch", "requestId");
        // sourceSymbol and sourceLocator are not correlated: a policy's command has no document of its own
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public Clock clock(RegistryProperties properties) {
        return Clock.system(properties.timeZone());
    }
}
