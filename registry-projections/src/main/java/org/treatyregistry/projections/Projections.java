package org.treatyregistry.projections;

/** Names shared by the read models. */
public final class Projections {

    /** The one processing group that builds every read model, so that a rebuild replays the store once. */
    public static final String PROCESSING_GROUP = "registry-projections";

    /** Metadata key under which the API, the importer or the system records who recorded an event. */
    public static final String RECORDED_BY = "recordedBy";

    private Projections() {
    }
}
