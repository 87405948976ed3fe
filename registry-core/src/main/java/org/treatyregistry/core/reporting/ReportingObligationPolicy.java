package org.treatyregistry.core.reporting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.ratification.ParticipationFactCorrectedEvent;
import org.treatyregistry.core.ratification.TreatyRatifiedEvent;

/**
 * A reporting obligation opens when an instrument with reports of its own enters into force for a state, and follows
 * corrections of that date. Runs in the publishing unit of work (a subscribing processor), so a ratification and the
 * opening of its obligation are stored together or not at all. Never replayed: the commands it sent are in the store.
 */
@DisallowReplay
public class ReportingObligationPolicy {

    private final CommandGateway commandGateway;

    public ReportingObligationPolicy(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(TreatyRatifiedEvent event) {
        open(event);
    }

    @EventHandler
    void on(ParticipationFactCorrectedEvent event) {
        if (event.replacement() instanceof TreatyRatifiedEvent ratification) {
            open(ratification);
        }
    }

    private void open(TreatyRatifiedEvent ratification) {
        if (ratification.entryIntoForce() == null
                || !TreatyCatalogue.instrument(ratification.instrument()).reporting().opensObligation()) {
            return;
        }
        commandGateway.sendAndWait(new OpenReportingObligationCommand(ratification.state(), ratification.instrument(),
                ratification.entryIntoForce(), ratification.entryIntoForceBasis()));
    }
}
