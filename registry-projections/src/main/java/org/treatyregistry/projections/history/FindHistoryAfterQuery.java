package org.treatyregistry.projections.history;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The next entries of a timeline after a position, in recording order: how a download goes through a history of any
 * length, a slice at a time, each slice an index range from where the last one stopped (no offset to skip, no count).
 * The filters are those of {@link FindHistoryQuery}.
 *
 * @param after the global index of the last entry already read; {@code Long.MIN_VALUE} to start at the beginning
 * @param size  at most this many entries (1 to 5,000)
 */
public record FindHistoryAfterQuery(String state, String body, String instrument, String eventType, LocalDate legalFrom,
                                    LocalDate legalTo, Instant recordedUpTo, long after, int size) {
}
