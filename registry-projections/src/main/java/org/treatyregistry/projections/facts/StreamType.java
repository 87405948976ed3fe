package org.treatyregistry.projections.facts;

/** The kinds of event stream whose facts the read models keep. */
public enum StreamType {
    PARTICIPATION, COMPETENCE, REPORTING, UPR
}
