package org.treatyregistry.api.support;

import org.treatyregistry.projections.history.FindHistoryAfterQuery;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistoryProjection;
import org.treatyregistry.projections.history.HistorySlice;

import java.util.ArrayList;
import java.util.List;

/** The whole of a history, as the registry shows it: every slice of a query, from its first. */
public final class Histories {

    private Histories() {
    }

    public static List<HistoryEntry> all(HistoryProjection history, FindHistoryAfterQuery first) {
        List<HistoryEntry> entries = new ArrayList<>();
        FindHistoryAfterQuery query = first;
        while (true) {
            HistorySlice slice = history.handle(query);
            entries.addAll(slice.items());
            if (slice.end()) {
                return entries;
            }
            query = new FindHistoryAfterQuery(query.state(), query.body(), query.instrument(), query.eventType(), query.legalFrom(),
                    query.legalTo(), query.recordedUpTo(), slice.last(), query.size());
        }
    }
}
