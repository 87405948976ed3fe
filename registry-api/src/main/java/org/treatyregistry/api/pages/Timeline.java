package org.treatyregistry.api.pages;

import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.history.HistoryEntry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One chart per treaty body: the reporting cycles on a time axis, in four lanes (due dates, submissions, reviews,
 * concluding observations), with a line from each due date to the submission that answered it, red when late, so
 * that a late pattern shows at a glance. The same facts are summarised in words under the chart and in the table.
 */
public final class Timeline {

    static final int WIDTH = 960;
    static final int LEFT = 170;
    static final int RIGHT = 24;
    static final int TOP = 34;
    static final int LANE = 36;

    public record Tick(double x, String label) {
    }

    public record Lane(double y, String label) {
    }

    /** @param kind due, due-late, overdue, submitted, review, co */
    public record Mark(String kind, String d, String title) {
    }

    /** @param kind late, on-time, overdue */
    public record Line(String kind, double x1, double y1, double x2, double y2) {
    }

    public record Chart(String id, String body, String bodyName, String summary, int width, int height, List<Tick> ticks,
                        List<Lane> lanes, List<Mark> marks, List<Line> lines, double todayX, String todayLabel) {
    }

    private Timeline() {
    }

    public static List<Chart> charts(List<CalendarEntry> items, List<HistoryEntry> history, LocalDate today) {
        Map<String, String> bodyNames = new TreeMap<>();
        items.forEach(i -> bodyNames.put(i.body(), i.bodyName()));
        List<HistoryEntry> effective = effective(history);
        effective.stream().filter(h -> h.body() != null && reportingEvent(h.eventType())).forEach(h -> bodyNames.putIfAbsent(h.body(), h.body()));
        List<Chart> charts = new ArrayList<>();
        for (Map.Entry<String, String> body : bodyNames.entrySet()) {
            List<CalendarEntry> own = items.stream().filter(i -> body.getKey().equals(i.body())).toList();
            List<HistoryEntry> events = effective.stream().filter(h -> body.getKey().equals(h.body())).toList();
            charts.add(chart(body.getKey(), body.getValue(), own, events, today));
        }
        return charts;
    }

    private static boolean reportingEvent(String type) {
        return "ReviewHeldEvent".equals(type) || "ConcludingObservationsAdoptedEvent".equals(type);
    }

    /** The history with corrections applied: a corrected fact takes its correction's legal date and keeps its kind. */
    static List<HistoryEntry> effective(List<HistoryEntry> history) {
        Map<String, HistoryEntry> byKey = new LinkedHashMap<>();
        for (HistoryEntry h : history) {
            if (Words.correction(h.eventType()) && h.correctsSequence() != null) {
                String key = h.streamId() + "#" + h.correctsSequence();
                HistoryEntry original = byKey.get(key);
                if (original != null) {
                    byKey.put(key, new HistoryEntry(original.globalIndex(), original.streamId(), original.streamType(),
                            original.sequenceNumber(), original.state(), original.body(), original.instrument(), original.eventType(),
                            h.legalDate(), h.legalDatePrecision(), h.summary(), h.recordedAt(), h.recordedBy(), h.sourceSymbol(),
                            h.sourceLocator(), h.sourceNote(), null, null));
                }
                continue;
            }
            byKey.put(h.streamId() + "#" + h.sequenceNumber(), h);
        }
        return List.copyOf(byKey.values());
    }

    private static Chart chart(String body, String bodyName, List<CalendarEntry> items, List<HistoryEntry> events, LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        dates.add(today);
        items.forEach(i -> {
            if (i.dueLatest() != null) {
                dates.add(i.dueLatest());
            }
            LocalDate s = middle(i.submittedOn());
            if (s != null) {
                dates.add(s);
            }
        });
        List<HistoryEntry> reviews = events.stream().filter(e -> "ReviewHeldEvent".equals(e.eventType()) && middle(e.legalDate()) != null).toList();
        List<HistoryEntry> observations = events.stream()
                .filter(e -> "ConcludingObservationsAdoptedEvent".equals(e.eventType()) && middle(e.legalDate()) != null).toList();
        reviews.forEach(e -> dates.add(middle(e.legalDate())));
        observations.forEach(e -> dates.add(middle(e.legalDate())));
        int firstYear = dates.stream().mapToInt(LocalDate::getYear).min().orElse(today.getYear());
        int lastYear = dates.stream().mapToInt(LocalDate::getYear).max().orElse(today.getYear()) + 1;
        LocalDate start = LocalDate.of(firstYear, 1, 1);
        LocalDate end = LocalDate.of(lastYear, 12, 31);
        Scale scale = new Scale(start, end);

        List<Lane> lanes = List.of(new Lane(TOP + LANE * 0.5, "Due dates"), new Lane(TOP + LANE * 1.5, "Submissions"),
                new Lane(TOP + LANE * 2.5, "Reviews"), new Lane(TOP + LANE * 3.5, "Concluding observations"));
        int height = TOP + LANE * 4 + 8;

        List<Tick> ticks = new ArrayList<>();
        int span = lastYear - firstYear + 1;
        int step = span > 30 ? 5 : span > 14 ? 2 : 1;
        for (int year = firstYear; year <= lastYear; year++) {
            if ((year - firstYear) % step == 0) {
                ticks.add(new Tick(scale.x(LocalDate.of(year, 1, 1)), Integer.toString(year)));
            }
        }

        List<Mark> marks = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int late = 0;
        int onTime = 0;
        long lateDays = 0;
        int overdue = 0;
        int due = 0;
        for (CalendarEntry item : items) {
            if (item.dueLatest() == null) {
                continue;
            }
            due++;
            double x = scale.x(item.dueLatest());
            double y = lanes.get(0).y();
            LocalDate submitted = middle(item.submittedOn());
            String what = item.instrument() + " " + item.label();
            if (submitted != null) {
                long days = ChronoUnit.DAYS.between(item.dueLatest(), earliest(item.submittedOn()));
                boolean isLate = days > 0;
                if (isLate) {
                    late++;
                    lateDays += days;
                } else {
                    onTime++;
                }
                double sx = scale.x(submitted);
                double sy = lanes.get(1).y();
                lines.add(new Line(isLate ? "late" : "on-time", x, y, sx, sy));
                marks.add(new Mark(isLate ? "due-late" : "due", diamond(x, y), what + ": due " + Words.due(item.due(), item.duePrecision())
                        + (isLate ? "; submitted " + days + " days late" : "; submitted on time")));
                marks.add(new Mark("submitted", circle(sx, sy), what + ": submitted " + Words.date(item.submittedOn())
                        + (item.submittedSymbol() == null ? "" : " (" + item.submittedSymbol() + ")")));
            } else if (Words.late(item.status())) {
                overdue++;
                lines.add(new Line("overdue", x, y, scale.x(today), y));
                marks.add(new Mark("overdue", diamond(x, y), what + ": due " + Words.due(item.due(), item.duePrecision()) + "; "
                        + Words.status(item.status()).toLowerCase(Locale.ROOT) + ", " + Words.days(item.status(), item.days())));
            } else {
                marks.add(new Mark("due", diamond(x, y), what + ": due " + Words.due(item.due(), item.duePrecision()) + "; "
                        + Words.status(item.status()).toLowerCase(Locale.ROOT)));
            }
        }
        for (HistoryEntry review : reviews) {
            double x = scale.x(middle(review.legalDate()));
            marks.add(new Mark("review", square(x, lanes.get(2).y()), review.instrument() + " review " + Words.date(review.legalDate())
                    + ": " + review.summary()));
        }
        for (HistoryEntry co : observations) {
            double x = scale.x(middle(co.legalDate()));
            marks.add(new Mark("co", triangle(x, lanes.get(3).y()), co.instrument() + " concluding observations "
                    + Words.date(co.legalDate()) + (co.sourceSymbol() == null ? "" : " (" + co.sourceSymbol() + ")")));
        }

        StringBuilder summary = new StringBuilder();
        summary.append(due).append(due == 1 ? " item due" : " items due");
        if (due > 0) {
            summary.append(" between ").append(start.getYear()).append(" and ").append(lastYear);
        }
        int answered = late + onTime;
        if (answered > 0) {
            summary.append("; ").append(late).append(" of ").append(answered).append(answered == 1 ? " submission" : " submissions")
                    .append(" came in late");
            if (late > 0) {
                summary.append(" (by ").append(Math.round((double) lateDays / late)).append(" days on average)");
            }
        }
        summary.append("; ").append(overdue).append(" overdue now; ").append(reviews.size()).append(reviews.size() == 1 ? " review" : " reviews")
                .append(" and ").append(observations.size()).append(" concluding observations.");
        return new Chart("timeline-" + body.toLowerCase(Locale.ROOT), body, Objects.requireNonNullElse(bodyName, body),
                summary.toString(), WIDTH, height, ticks, lanes, marks, lines, scale.x(today), today.toString());
    }

    private record Scale(LocalDate start, LocalDate end) {
        double x(LocalDate date) {
            double total = ChronoUnit.DAYS.between(start, end);
            double at = ChronoUnit.DAYS.between(start, date);
            return round(LEFT + (WIDTH - LEFT - RIGHT) * at / total);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** The middle of a legal date's period ("2018" is mid-2018), for placing a date known only to the year. */
    static LocalDate middle(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 7, 1);
                case 7 -> LocalDate.parse(text + "-15");
                default -> LocalDate.parse(text.substring(0, 10));
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalDate earliest(String text) {
        return switch (text.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
            case 7 -> LocalDate.parse(text + "-01");
            default -> LocalDate.parse(text.substring(0, 10));
        };
    }

    private static String diamond(double x, double y) {
        return "M" + round(x) + " " + round(y - 8) + " L" + round(x + 8) + " " + round(y) + " L" + round(x) + " " + round(y + 8)
                + " L" + round(x - 8) + " " + round(y) + " Z";
    }

    private static String circle(double x, double y) {
        return "M" + round(x - 6) + " " + round(y) + " a6 6 0 1 0 12 0 a6 6 0 1 0 -12 0 Z";
    }

    private static String square(double x, double y) {
        return "M" + round(x - 6) + " " + round(y - 6) + " h12 v12 h-12 Z";
    }

    private static String triangle(double x, double y) {
        return "M" + round(x) + " " + round(y - 7) + " L" + round(x + 7) + " " + round(y + 6) + " L" + round(x - 7) + " " + round(y + 6) + " Z";
    }
}
