package org.treatyregistry.projections.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One item of the reporting calendar.
 *
 * @param uid          stable identity of the item across exports: obligation and item id
 * @param due          the due date as text with its precision ("2029-05-21", "2017")
 * @param dueLatest    the last day of the due period, which overdue is measured against
 * @param basisKind    TREATY_RULE (tentative) or COMMITTEE_DECISION (confirmed)
 * @param basis        the article or document symbol behind the date
 * @param dueRevision  how many times the due date has moved
 * @param days         days left (UPCOMING, DUE_SOON) or days late (OVERDUE, REVIEWED_WITHOUT_REPORT)
 * @param lastRecordedAt when the registry last recorded a fact of this obligation
 */
public record CalendarEntry(String uid, String state, String instrument, String body, String bodyName,
                            String obligationId, String itemId, String kind, String label, String covers, String due,
                            String duePrecision, LocalDate dueLatest, String basisKind, String basis, boolean confirmed,
                            String procedure, int dueRevision, String status, long days, String submittedSymbol,
                            String submittedOn, String reviewSession, String reviewedInAbsence,
                            Instant lastRecordedAt) {
}
