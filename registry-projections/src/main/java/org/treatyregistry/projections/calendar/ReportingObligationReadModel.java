package org.treatyregistry.projections.calendar;

import org.springframework.stereotype.Component;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.projections.facts.FactRepository;
import org.treatyregistry.projections.facts.ReadModelTable;
import org.treatyregistry.projections.facts.RowSink;
import org.treatyregistry.projections.facts.StoredFact;
import org.treatyregistry.projections.facts.StreamReadModel;
import org.treatyregistry.projections.facts.StreamType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The list of reporting obligations, and the calendar of each as derived for the day the projection wrote it
 * ({@code calendar_derived_on}): its open items in {@code calendar_item}. The derivation depends on the day, so the items
 * answer calendar queries for that day only (see {@link CalendarQueryHandler}); the calendar rollover re-derives them
 * when the day changes ({@link CalendarRollover}).
 */
@Component
public class ReportingObligationReadModel implements StreamReadModel {

    private final FactRepository facts;
    private final Clock clock;

    public ReportingObligationReadModel(FactRepository facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public StreamType streamType() {
        return StreamType.REPORTING;
    }

    static final ReadModelTable TABLE = ReadModelTable.of("reporting_obligation", "obligation_id", "obligation_id", "state_code",
            "instrument", "body", "entry_into_force", "updated_at", "calendar_derived_on");

    /**
     * The obligation first: a writer that replaces a stream's rows deletes them in this order, and the calendar
     * rollover locks the obligation's row before it replaces the items, so the two never interleave on one stream.
     */
    @Override
    public List<ReadModelTable> tables() {
        return List.of(TABLE, CalendarItems.TABLE);
    }

    @Override
    public void rows(String streamId, String state, List<StoredFact> stream, RowSink sink) {
        List<ReportingFact> effective = facts.effective(stream, ReportingFact.class);
        if (effective.get(0) instanceof ReportingObligationOpenedEvent opened) {
            LocalDate today = LocalDate.now(clock);
            Instant updatedAt = stream.get(stream.size() - 1).recordedAt();
            sink.row(TABLE, streamId, state, opened.instrument().value(), opened.body().value(), opened.entryIntoForce().text(),
                    updatedAt, today);
            calendarRows(streamId, effective, today, sink);
        }
    }

    /** The calendar_item rows of a stream as derived for {@code day}: its open items (see CalendarItems.row). */
    static void calendarRows(String streamId, List<ReportingFact> effective, LocalDate day, RowSink sink) {
        CalendarItems.Schedule schedule = CalendarItems.derive(effective, day);
        if (schedule != null) {
            for (ScheduleItem item : schedule.items()) {
                if (CalendarItems.open(item)) {
                        sink.row(CalendarItems.TABLE, CalendarItems.row(streamId, schedule.opened(), item));
                }
            }
        }
    }
}
