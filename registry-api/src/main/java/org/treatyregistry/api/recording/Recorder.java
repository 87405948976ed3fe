package org.treatyregistry.api.recording;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.projections.Projections;

import java.util.HashMap;
import java.util.Map;

/** Sends a command with who recorded it in its metadata; the events it causes carry the same. */
@Component
public class Recorder {

    private final CommandGateway gateway;

    public Recorder(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public CommandOutcome record(Object command, String recordedBy, String importBatch) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(Projections.RECORDED_BY, recordedBy);
        if (importBatch != null) {
            meta.put("importBatch", importBatch);
        }
        return gateway.sendAndWait(command, MetaData.from(meta));
    }
}
