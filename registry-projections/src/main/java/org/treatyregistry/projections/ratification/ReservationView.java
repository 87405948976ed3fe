package org.treatyregistry.projections.ratification;

public record ReservationView(String reference, String kind, String article, String text, String madeOn) {
}
