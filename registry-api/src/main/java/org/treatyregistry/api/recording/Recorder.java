package org.treatyregistry.api.recording;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.shared.CommandOutcome;
import org.treatyregistry.core.shared.ExpectedVersion;
import org.treatyregistry.core.shared.Source;
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

    private static java.util.Optional<Source> sourceOf(Object command) {
        if (command.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent c : command.getClass().getRecordComponents()) {
                if (c.getType() == Source.class) {
                    try {
                        return java.util.Optional.ofNullable((Source) c.getAccessor().invoke(command));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    public CommandOutcome record(Object command, String recordedBy, String importBatch) {
        return record(command, recordedBy, importBatch, null);
    }

    /** @param expectedVersion the version of the record the client last saw; the command is refused if it moved on */
    public CommandOutcome record(Object command, String recordedBy, String importBatch, Long expectedVersion) {
        Map<String, Object> meta = new HashMap<>();
        if (expectedVersion != null) {
            meta.put(ExpectedVersion.METADATA_KEY, expectedVersion);
        }
        meta.put(Projections.RECORDED_BY, recordedBy);
        if (importBatch != null) {
            meta.put("importBatch", importBatch);
        }
        // the source travels in the metadata too, so provenance reads the same for every event, whatever its payload
        sourceOf(command).ifPresent(source -> {
            if (source.symbol() != null) {
                meta.put("sourceSymbol", source.symbol());
            }
            if (source.locator() != null) {
                meta.put("sourceLocator", source.locator());
            }
        });
        return gateway.sendAndWait(command, MetaData.from(meta));
    }
}
