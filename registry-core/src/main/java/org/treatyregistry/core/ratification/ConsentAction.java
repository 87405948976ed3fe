package org.treatyregistry.core.ratification;

/** How a state expressed its consent to be bound; each is a deposit with the UN Secretary-General. */
public enum ConsentAction {
    RATIFICATION, ACCESSION, SUCCESSION
}
