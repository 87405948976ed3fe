package org.treatyregistry.api.export;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.model.ParameterList;
import org.treatyregistry.projections.calendar.CalendarEntry;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * The submission calendar as iCalendar (RFC 5545), written with ical4j. One all-day event per dated item:
 * <ul>
 *   <li>UID is the item's identity in the registry, so it is the same in every export and survives moved dates;</li>
 *   <li>SEQUENCE counts the moves of the due date, LAST-MODIFIED (and DTSTAMP) is when the obligation last changed,
 *       so an unchanged registry gives a byte-identical feed;</li>
 *   <li>STATUS is TENTATIVE for a date computed from a treaty rule, CONFIRMED for a date a committee set;</li>
 *   <li>a date known only to the month or year is placed on the last day of the period and marked approximate.</li>
 * </ul>
 */
public final class IcsWriter {

    private IcsWriter() {
    }

    public static String write(List<CalendarEntry> entries, String title, List<Integer> alarmDays, String publicUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Treaty Registry//Reporting calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", title));
        // subscribed clients refresh twice a day
        calendar.add(new RefreshInterval(new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.Value("DURATION"))), Duration.ofHours(12)));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT12H"));
        for (CalendarEntry entry : entries) {
            if (entry.dueLatest() != null) {
                calendar.add(event(entry, alarmDays, publicUrl));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(CalendarEntry e, List<Integer> alarmDays, String publicUrl) {
        LocalDate day = e.dueLatest();
        boolean approximate = !"DAY".equals(e.duePrecision());
        VEvent event = new VEvent(day, day.plusDays(1), e.body() + ": " + e.label() + " (" + e.state() + ")"
                + (approximate ? ", due in " + period(e) + " (approximate)" : ""));
        event.add(new Uid(e.uid() + "@treaty-registry"));
        event.add(new Sequence(e.dueRevision()));
        // the constructor stamps "now"; a feed without METHOD changes semantics uses the last revision instead
        event.replace(new DtStamp(e.lastRecordedAt()));
        event.add(new LastModified(e.lastRecordedAt()));
        event.add(e.confirmed() ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_TENTATIVE);
        URI link = URI.create(publicUrl.replaceAll("/+$", "") + "/api/states/" + e.state() + "/calendar?instrument="
                + URLEncoder.encode(e.instrument(), StandardCharsets.UTF_8) + "&includeClosed=true");
        event.add(new Url(link));
        event.add(new Description(description(e, approximate, link)));
        event.add(new Categories(new TextList(List.of(e.body(), e.kind()))));
        event.add(new XProperty("X-TREATY-REGISTRY-DUE", e.due()));
        event.add(new XProperty("X-TREATY-REGISTRY-PRECISION", e.duePrecision()));
        event.add(new XProperty("X-TREATY-REGISTRY-BASIS", e.basis() == null ? "" : e.basis()));
        for (Integer days : alarmDays) {
            VAlarm alarm = new VAlarm(Duration.ofDays(-days));
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(e.body() + " " + e.label() + " (" + e.state() + ") due in " + days + " days"));
            event.add(alarm);
        }
        return event;
    }

    private static String description(CalendarEntry e, boolean approximate, URI link) {
        StringBuilder d = new StringBuilder();
        d.append(capital(e.label())).append(" of ").append(e.state()).append(" to the ").append(e.bodyName())
                .append(" under ").append(e.instrument()).append(".\n");
        d.append("Due: ").append(e.due());
        if (approximate) {
            d.append(" (only the ").append(e.duePrecision().toLowerCase(Locale.ROOT))
                    .append(" is known; shown on the last day of the period)");
        }
        d.append(".\n");
        d.append("Basis: ").append(e.basis() == null ? "not recorded" : e.basis())
                .append(e.confirmed() ? " (committee decision: confirmed)" : " (treaty rule: tentative, a committee may set another date)")
                .append(".\n");
        if (e.dueRevision() > 0) {
            d.append("The due date has moved ").append(e.dueRevision()).append(e.dueRevision() == 1 ? " time" : " times").append(".\n");
        }
        d.append("Registry: ").append(link);
        return d.toString();
    }

    private static String period(CalendarEntry e) {
        LocalDate first = LocalDate.parse(e.due().length() == 4 ? e.due() + "-01-01" : e.due().length() == 7 ? e.due() + "-01" : e.due());
        return "MONTH".equals(e.duePrecision())
                ? first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear()
                : Integer.toString(first.getYear());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
