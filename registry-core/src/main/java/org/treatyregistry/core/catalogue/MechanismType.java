package org.treatyregistry.core.catalogue;

/** The procedures through which a treaty body may act on a state besides reviewing its reports. */
public enum MechanismType {
    INDIVIDUAL_COMMUNICATIONS,
    INTER_STATE_COMMUNICATIONS,
    INQUIRY,
    /** SPT country visits under OP-CAT, CED visits and urgent actions. */
    VISITS,
    URGENT_ACTION
}
