package org.treatyregistry.core.catalogue;

/** How a state comes to accept a treaty body's competence under a mechanism. */
public enum AcceptanceMode {
    /** By becoming party to an optional protocol (ICCPR-OP1, OP-CEDAW, OP-CRPD, OPIC, OP-ICESCR). */
    PROTOCOL_RATIFICATION,
    /** By a declaration under an article (ICERD art. 14, CAT art. 22, ICMW art. 77, CPED art. 31). */
    DECLARATION,
    /** Automatically with ratification, unless the state opts out at that time (inquiry under CAT art. 20 / art. 28). */
    AUTOMATIC_UNLESS_OPTED_OUT,
    /** Automatically with ratification, without any opt-out (SPT visits, CED urgent actions). */
    AUTOMATIC
}
