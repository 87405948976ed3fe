package org.treatyregistry.projections.facts;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import org.treatyregistry.projections.Projections;

import java.time.Instant;
import java.util.List;

/**
 * Keeps every fact of every stream, then asks the read model of that stream's kind to recompute its rows from the
 * stream's effective facts. Recomputing from facts (rather than patching rows event by event) is what makes the read
 * models idempotent under replay and correct under corrections.
 */
@Component
@ProcessingGroup(Projections.PROCESSING_GROUP)
public class FactProjection {

    private final FactRepository facts;
    private final List<StreamReadModel> readModels;

    public FactProjection(FactRepository facts, List<StreamReadModel> readModels) {
        this.facts = facts;
        this.readModels = readModels;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message, @org.axonframework.eventhandling.Timestamp Instant recordedAt,
            @MetaDataValue(Projections.RECORDED_BY) String recordedBy) {
        ClassifiedFact.of(payload).ifPresent(fact -> {
            facts.insertIfAbsent(message.getAggregateIdentifier(), message.getSequenceNumber(), fact, recordedAt, recordedBy);
            List<StoredFact> stream = facts.stream(message.getAggregateIdentifier(), null);
            for (StreamReadModel model : readModels) {
                if (model.streamType() == fact.streamType()) {
                    model.refresh(message.getAggregateIdentifier(), fact.state().value(), stream);
                }
            }
        });
    }

    @ResetHandler
    void reset() {
        readModels.forEach(StreamReadModel::deleteAll);
        facts.deleteAll();
    }
}
