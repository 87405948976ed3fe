package org.treatyregistry.projections.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A state's timeline (or every state's, {@code state == null}), in recording order.
 *
 * @param eventType     e.g. ReportSubmittedEvent
 * @param legalFrom     keep entries whose legal date ends on or after this day
 * @param legalTo       keep entries whose legal date starts on or before this day
 * @param recordedUpTo  keep entries recorded up to this instant
 */
public record FindHistoryQuery(String state, String body, String instrument, String eventType, LocalDate legalFrom,
                               LocalDate legalTo, Instant recordedUpTo, int page, int size) {
}
