package org.treatyregistry.api.support;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * An upcaster that changes no event. Registered, it stands for any upcaster: the registry then no longer trusts stored
 * payloads to read back as written, so its read models keep their own copies (projected facts with their JSON, the
 * history as a table) instead of reading the event table.
 */
public final class PassThroughUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return false;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation;
    }
}
