package org.treatyregistry.projections.calendar;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.reporting.DueDateRevisedEvent;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.core.reporting.ReportingSchedule;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Answers calendar queries by deriving each obligation's schedule from its projected facts with the same
 * {@link ReportingSchedule} the aggregate guards with: the calendar cannot disagree with the rules that accepted the
 * facts, and "as of" any day or recording instant is the same computation on fewer facts.
 */
@Component
public class CalendarQueryHandler {

    private final FactRepository facts;
    private final Clock clock;

    public CalendarQueryHandler(FactRepository facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @QueryHandler
    public CalendarPage handle(FindCalendarQuery query) {
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(clock);
        List<CalendarEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<StoredFact>> stream : facts.streams(StreamType.REPORTING, query.state(), query.recordedAt()).entrySet()) {
            List<ReportingFact> effective = facts.effective(stream.getValue(), ReportingFact.class).stream()
                    .filter(f -> f instanceof DueDateRevisedEvent || f.legalDate() == null || !f.legalDate().earliest().isAfter(asOf))
                    .toList();
            if (effective.isEmpty() || !(effective.get(0) instanceof ReportingObligationOpenedEvent opened)) {
                continue;
            }
            if (query.instrument() != null && !query.instrument().equals(opened.instrument().value())
                    || query.body() != null && !query.body().equals(opened.body().value())) {
                continue;
            }
            StoredFact last = stream.getValue().get(stream.getValue().size() - 1);
            for (ScheduleItem item : ReportingSchedule.derive(effective, asOf)) {
                ScheduleItem.Standing standing = item.standingOn(asOf, query.soonDays());
                if (!keep(query, item, standing)) {
                    continue;
                }
                entries.add(entry(opened, item, standing, last));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::dueLatest, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CalendarEntry::uid));
        int size = Math.max(1, Math.min(query.size(), 1000));
        int from = Math.min(entries.size(), Math.max(0, query.page()) * size);
        return new CalendarPage(List.copyOf(entries.subList(from, Math.min(entries.size(), from + size))),
                query.page(), size, entries.size(), asOf);
    }

    private static boolean keep(FindCalendarQuery query, ScheduleItem item, ScheduleItem.Standing standing) {
        if (query.kinds() != null && !query.kinds().isEmpty() && !query.kinds().contains(item.kind().name())) {
            return false;
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            if (!query.statuses().contains(standing.status().name())) {
                return false;
            }
        } else if (!query.includeClosed() && !standing.status().open()) {
            return false;
        }
        if (query.dueFrom() != null && (item.due() == null || item.due().latest().isBefore(query.dueFrom()))) {
            return false;
        }
        return query.dueTo() == null || item.due() != null && !item.due().latest().isAfter(query.dueTo());
    }

    private static CalendarEntry entry(ReportingObligationOpenedEvent opened, ScheduleItem item,
                                       ScheduleItem.Standing standing, StoredFact last) {
        return new CalendarEntry(opened.obligationId() + "/" + item.itemId(), opened.state().value(),
                opened.instrument().value(), opened.body().value(), TreatyCatalogue.bodyName(opened.body()),
                opened.obligationId(), item.itemId(), item.kind().name(), item.label(),
                item.covers() == null ? null : item.covers().toString(),
                item.due() == null ? null : item.due().text(),
                item.due() == null ? null : item.due().precision().name(),
                item.due() == null ? null : item.due().latest(),
                item.basis() == null ? null : item.basis().kind().name(),
                item.basis() == null ? null : item.basis().citation(),
                item.basis() != null && item.basis().confirmed(),
                item.procedure() == null ? null : item.procedure().name(), item.dueRevision(),
                standing.status().name(), standing.days(), item.submittedSymbol(),
                item.submittedOn() == null ? null : item.submittedOn().text(), item.reviewSession(),
                item.reviewedInAbsence(), last.recordedAt());
    }
}
