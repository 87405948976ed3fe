package org.treatyregistry.projections.facts;

import java.util.List;

/** A read model whose rows for one stream are a function of that stream's facts. */
public interface StreamReadModel {

    StreamType streamType();

    /** The tables this model owns; a stream's rows in each are found by the key {@link #key} gives. */
    List<ReadModelTable> tables();

    /** The key of a stream's rows: the stream id, unless the model keys its rows otherwise. */
    default String key(String streamId, String state) {
        return streamId;
    }

    /** Computes the rows of {@code streamId} from all its projected facts (corrections included), in fact order. */
    void rows(String streamId, String state, List<StoredFact> stream, RowSink sink);
}
