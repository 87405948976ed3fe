package org.treatyregistry.core.ratification;

public enum ReservationKind {
    RESERVATION, DECLARATION, INTERPRETATIVE_DECLARATION
}
