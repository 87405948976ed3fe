package org.treatyregistry.projections.calendar;

import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.reporting.DueBasis;
import org.treatyregistry.core.reporting.DueDateRevisedEvent;
import org.treatyregistry.core.reporting.ReportCoverage;
import org.treatyregistry.core.reporting.ReportingFact;
import org.treatyregistry.core.reporting.ReportingObligationOpenedEvent;
import org.treatyregistry.core.reporting.ReportingProcedure;
import org.treatyregistry.core.reporting.ReportingSchedule;
import org.treatyregistry.core.reporting.ScheduleItem;
import org.treatyregistry.core.shared.DatePrecision;
import org.treatyregistry.core.shared.LegalDate;
import org.treatyregistry.projections.facts.ReadModelTable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The calendar's items, as derived on read and as materialised in {@code calendar_item}: one derivation
 * ({@link #derive}), one way to turn an item into a calendar entry ({@link #entry}), and the row that stores an item
 * so that the entry rebuilt from it ({@link #item}) is the same.
 */
public final class CalendarItems {

    private CalendarItems() {
    }

    public static final ReadModelTable TABLE = ReadModelTable.of("calendar_item", "obligation_id",
            "obligation_id", "item_id", "uid", "sort_key", "state_code", "instrument", "body", "kind", "phase",
            "due_latest", "due_date", "due_precision", "label", "covers_from", "covers_to", "basis_kind", "basis",
            "report_procedure", "due_revision", "submitted_symbol", "submitted_on_date", "submitted_on_precision",
            "review_session", "reviewed_in_absence", "concluding_observations", "row_hash")
            .rewrittenWhenChanged("item_id", "row_hash");

    /** The phase of a dated, unsubmitted, unreviewed item: UPCOMING, DUE_SOON or OVERDUE, depending on the day. */
    static final String DATED = "DATED";

    /** An obligation's schedule as of a day: the obligation as opened and its items. */
    record Schedule(ReportingObligationOpenedEvent opened, List<ScheduleItem> items) {
    }

    /**
     * The schedule of an obligation as of {@code asOf} from its effective facts: facts with a legal date after that day
     * are left out (due-date revisions are kept: they move dates, they did not happen on them), and the treaty-default
     * chain is extended up to that day. {@code null} when no obligation was open by then.
     */
    static Schedule derive(List<ReportingFact> effective, LocalDate asOf) {
        List<ReportingFact> inForce = effective.stream()
                .filter(f -> f instanceof DueDateRevisedEvent || f.legalDate() == null || !f.legalDate().earliest().isAfter(asOf))
                .toList();
        if (inForce.isEmpty() || !(inForce.get(0) instanceof ReportingObligationOpenedEvent opened)) {
            return null;
        }
        return new Schedule(opened, ReportingSchedule.derive(inForce, asOf));
    }

    static CalendarEntry entry(String obligationId, String state, String instrument, String body, ScheduleItem item,
                               ScheduleItem.Standing standing, Instant lastRecordedAt) {
        return new CalendarEntry(obligationId + "/" + item.itemId(), state, instrument, body,
                TreatyCatalogue.bodyName(new TreatyBodyCode(body)),
                obligationId, item.itemId(), item.kind().name(), item.label(),
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
                item.reviewedInAbsence(), lastRecordedAt);
    }

    /**
     * Whether an item is open (ScheduleItem.Status.open: all but reviewed reports and submitted follow-up information),
     * which does not depend on the day: only open items are kept in calendar_item.
     */
    static boolean open(ScheduleItem item) {
        return item.standingOn(LocalDate.EPOCH, 0).status().open();
    }

    /** The calendar_item row of one open item of an obligation's schedule, in {@link #TABLE}'s column order. */
    static Object[] row(String streamId, ReportingObligationOpenedEvent opened, ScheduleItem item) {
        LocalDate dueLatest = item.due() == null ? null : item.due().latest();
        // the status on any day tells the part that does not depend on the day
        ScheduleItem.Status status = item.standingOn(LocalDate.EPOCH, 0).status();
        String phase = switch (status) {
            case UPCOMING, DUE_SOON, OVERDUE -> DATED;
            default -> status.name();
        };
        String uid = opened.obligationId() + "/" + item.itemId();
        Object[] row = {streamId, item.itemId(), uid, sortKey(dueLatest, uid),
                opened.state().value(), opened.instrument().value(), opened.body().value(), item.kind().name(), phase,
                dueLatest,
                item.due() == null ? null : item.due().date(), item.due() == null ? null : item.due().precision().name(),
                item.label(), item.covers() == null ? null : item.covers().from(), item.covers() == null ? null : item.covers().to(),
                item.basis() == null ? null : item.basis().kind().name(), item.basis() == null ? null : item.basis().citation(),
                item.procedure() == null ? null : item.procedure().name(), item.dueRevision(), item.submittedSymbol(),
                item.submittedOn() == null ? null : item.submittedOn().date(),
                item.submittedOn() == null ? null : item.submittedOn().precision().name(),
                item.reviewSession(), item.reviewedInAbsence(), item.concludingObservations(), null};
        row[row.length - 1] = ReadModelTable.hash(java.util.Arrays.copyOf(row, row.length - 1));
        return row;
    }

    /** The item a calendar_item row stores (the columns {@link #row} wrote). */
    static ScheduleItem item(ResultSet rs) throws SQLException {
        Integer coversFrom = (Integer) rs.getObject("covers_from", Integer.class);
        String basisKind = rs.getString("basis_kind");
        String procedure = rs.getString("report_procedure");
        return new ScheduleItem(rs.getString("item_id"), ScheduleItem.Kind.valueOf(rs.getString("kind")),
                coversFrom == null ? null : new ReportCoverage(coversFrom, rs.getInt("covers_to")),
                rs.getString("label"), legalDate(rs.getObject("due_date", LocalDate.class), rs.getString("due_precision")),
                basisKind == null ? null : new DueBasis(DueBasis.Kind.valueOf(basisKind), rs.getString("basis")),
                procedure == null ? null : ReportingProcedure.valueOf(procedure), rs.getInt("due_revision"),
                rs.getString("submitted_symbol"),
                legalDate(rs.getObject("submitted_on_date", LocalDate.class), rs.getString("submitted_on_precision")),
                rs.getString("review_session"), rs.getString("reviewed_in_absence"), rs.getString("concluding_observations"));
    }

    private static LegalDate legalDate(LocalDate date, String precision) {
        return date == null ? null : new LegalDate(date, DatePrecision.valueOf(precision));
    }

    /**
     * A key whose order, as text in any collation, is the calendar's order: by the end of the due period, undated
     * last, then by uid as {@link String#compareTo} orders it. Undated or dated flag, the day as 10 hex digits (fixed
     * width, offset to be non-negative), then the uid's UTF-16 units in an order-preserving prefix code: a unit below
     * 0x80 as 2 hex digits (0-7 first), any other as "8" and 4 hex digits. Only the characters 0-9 and a-f, which
     * every collation orders as their bytes.
     */
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String sortKey(LocalDate dueLatest, String uid) {
        StringBuilder key = new StringBuilder(11 + 2 * uid.length());
        if (dueLatest == null) {
            key.append("1").append("0".repeat(10));
        } else {
            String day = Long.toHexString(dueLatest.toEpochDay() + (1L << 39));
            key.append("0").append("0".repeat(10 - day.length())).append(day);
        }
        for (int i = 0; i < uid.length(); i++) {
            char unit = uid.charAt(i);
            if (unit < 0x80) {
                key.append(HEX[unit >> 4]).append(HEX[unit & 0xf]);
            } else {
                key.append('8').append(HEX[unit >> 12]).append(HEX[(unit >> 8) & 0xf]).append(HEX[(unit >> 4) & 0xf]).append(HEX[unit & 0xf]);
            }
        }
        return key.toString();
    }
}
