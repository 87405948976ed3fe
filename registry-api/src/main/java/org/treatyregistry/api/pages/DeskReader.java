package org.treatyregistry.api.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.calendar.CalendarPage;
import org.treatyregistry.projections.calendar.FindCalendarQuery;
import org.treatyregistry.projections.competence.CompetenceRecognitionList;
import org.treatyregistry.projections.competence.FindCompetenceRecognitionsQuery;
import org.treatyregistry.projections.history.FindHistoryQuery;
import org.treatyregistry.projections.history.HistoryEntry;
import org.treatyregistry.projections.history.HistoryPage;
import org.treatyregistry.projections.ratification.FindRatificationStatusQuery;
import org.treatyregistry.projections.ratification.RatificationStatus;
import org.treatyregistry.projections.ratification.RatificationStatusList;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the pages read, through the same projection queries as the REST API. */
@Component
public class DeskReader {

    private static final int PAGE = 1000;

    private final QueryGateway queries;
    private final RegistryProperties properties;

    public DeskReader(QueryGateway queries, RegistryProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** Every calendar item for these filters (all pages), and the day the statuses are for. */
    public record Calendar(List<CalendarEntry> items, LocalDate asOf) {
    }

    public Calendar calendar(String state, String body, String instrument, LocalDate asOf, Instant recordedAt, boolean includeClosed) {
        List<CalendarEntry> all = new ArrayList<>();
        LocalDate day = asOf;
        for (int page = 0; ; page++) {
            CalendarPage p = queries.query(new FindCalendarQuery(state, body, instrument, Set.of(), null, null, asOf,
                    properties.dueSoonDays(), recordedAt, includeClosed, page, PAGE), ResponseTypes.instanceOf(CalendarPage.class)).join();
            all.addAll(p.items());
            day = p.asOf();
            if (all.size() >= p.total() || p.items().isEmpty()) {
                return new Calendar(all, day);
            }
        }
    }

    public HistoryPage history(String state, String body, String instrument, String eventType, LocalDate legalFrom,
                               LocalDate legalTo, Instant recordedAt, int page, int size) {
        return queries.query(new FindHistoryQuery(state, body, instrument, eventType, legalFrom, legalTo, recordedAt, page, size),
                ResponseTypes.instanceOf(HistoryPage.class)).join();
    }

    /** Every history entry of a state up to an instant (for the timelines). */
    public List<HistoryEntry> allHistory(String state, Instant recordedAt) {
        List<HistoryEntry> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            HistoryPage p = history(state, null, null, null, null, null, recordedAt, page, PAGE);
            all.addAll(p.items());
            if (all.size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }

    public RatificationStatusList ratifications(String state) {
        return queries.query(new FindRatificationStatusQuery(state, null, null), ResponseTypes.instanceOf(RatificationStatusList.class)).join();
    }

    public CompetenceRecognitionList competences(String state) {
        return queries.query(new FindCompetenceRecognitionsQuery(state, null, null),
                ResponseTypes.instanceOf(CompetenceRecognitionList.class)).join();
    }

    /** The states the registry holds a record of (by their participations), and the one in focus. */
    public List<String> states(String focus) {
        TreeSet<String> states = new TreeSet<>();
        ratifications(null).items().stream().map(RatificationStatus::state).forEach(states::add);
        states.add("KAZ");
        if (focus != null) {
            states.add(focus);
        }
        return List.copyOf(states);
    }
}
