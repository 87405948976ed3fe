package org.treatyregistry.core.architecture.samples.shared;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** Violations: handlers whose messages are not records named *Command / *Event. */
public class HandlerSample {

    @CommandHandler
    public void handle(String command) {
    }

    @CommandHandler
    public void handle(LooseSampleCommand command) {
    }

    @EventSourcingHandler
    void on(Object event) {
    }

    @EventSourcingHandler
    void on(UnrevisedSampleEvent event) {
    }
}
