package org.treatyregistry.projections.facts;

import java.util.List;

/** A read model whose rows for one stream are a function of that stream's facts. */
public interface StreamReadModel {

    StreamType streamType();

    /** Recomputes the rows of {@code streamId} from all its projected facts (corrections included). */
    void refresh(String streamId, String state, List<StoredFact> stream);

    void deleteAll();
}
