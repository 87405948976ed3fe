package org.treatyregistry.projections.history;

import java.util.List;

/**
 * Entries after a position (see {@link FindHistoryAfterQuery}).
 *
 * @param last the global index to ask after for the next slice: the last entry looked at, which a legal-date filter
 *             may have left out
 * @param end  whether the timeline holds nothing after {@code last}
 */
public record HistorySlice(List<HistoryEntry> items, long last, boolean end) {
}
