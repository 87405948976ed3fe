package org.treatyregistry.projections.calendar;

import java.time.LocalDate;
import java.util.List;

public record CalendarPage(List<CalendarEntry> items, int page, int size, long total, LocalDate asOf) {
}
