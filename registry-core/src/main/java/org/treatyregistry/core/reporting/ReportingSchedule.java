package org.treatyregistry.core.reporting;

import org.treatyregistry.core.catalogue.InstrumentDefinition;
import org.treatyregistry.core.catalogue.ReportingRule;
import org.treatyregistry.core.catalogue.TreatyCatalogue;
import org.treatyregistry.core.shared.LegalDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reporting law: from an obligation's effective facts, what reports and follow-up information are owed, by when,
 * and on what basis. Pure and deterministic, so the aggregate's guards, the projections and the as-of views all give
 * the same answer for the same facts.
 *
 * <ul>
 *   <li>The initial report is due a fixed period after entry into force (the treaty article).</li>
 *   <li>Periodic reports follow at the treaty's interval, counted from the previous due date, keeping the
 *       entry-into-force anniversary; a late state accumulates overdue reports (ICERD: 1999, 2001, 2003).</li>
 *   <li>A date a committee set (concluding observations, list of issues prior to reporting, a revision) overrides the
 *       treaty default; the chain continues from it.</li>
 *   <li>A combined report takes the items it covers into one, due on the latest of their dates.</li>
 *   <li>Treaties with reports "on request" (ICCPR, CPED) have no default periodic chain.</li>
 * </ul>
 * Periodic items are generated up to {@code horizon}: every item due by then, and the next one after it.
 */
public final class ReportingSchedule {

    private static final int MAX_ITEMS = 400;

    private final ReportingRule rule;
    private final Map<String, Item> items = new LinkedHashMap<>();
    // Bookkeeping that keeps a derivation linear in the facts (it runs for every obligation on every rebuild, and for
    // a stream on each of its events), since a long history holds hundreds of items of which only a few are still
    // open: the fact being applied (facts are numbered from 1), the due date before this fact of each item the fact
    // moved or removed, the open report items (in the order of items), the submitted report items by symbol, the
    // follow-up items by concluding observations, and the report item covering the highest ordinal, while known.
    private int factNumber;
    private int itemsCreated;
    private final Map<String, LegalDate> dueBeforeFact = new HashMap<>();
    private final Map<String, Item> openReports = new LinkedHashMap<>();
    private final Map<String, List<Item>> submittedReports = new HashMap<>();
    private final Map<String, List<Item>> followUps = new HashMap<>();
    private Item lastReport;
    private boolean lastReportKnown;

    private ReportingSchedule(ReportingRule rule) {
        this.rule = rule;
    }

    public static List<ScheduleItem> derive(List<? extends ReportingFact> facts, LocalDate horizon) {
        if (facts.isEmpty() || !(facts.get(0) instanceof ReportingObligationOpenedEvent opened)) {
            return List.of();
        }
        InstrumentDefinition instrument = TreatyCatalogue.instrument(opened.instrument());
        ReportingSchedule schedule = new ReportingSchedule(instrument.reporting());
        for (ReportingFact fact : facts) {
            if (fact.legalDate() != null) {
                schedule.extendChain(fact.legalDate().earliest());
            }
            schedule.applyCountingMoves(fact);
        }
        schedule.extendChain(horizon);
        return schedule.items.values().stream().map(Item::toScheduleItem).toList();
    }

    /** A fact that moves an item's due date counts once in its {@code dueRevision}, however many steps it took. */
    private void applyCountingMoves(ReportingFact fact) {
        factNumber++;
        dueBeforeFact.clear();
        apply(fact);
        // an item dated before the fact whose due date differs after it (an item of the same id, if the fact replaced it)
        dueBeforeFact.forEach((id, before) -> {
            Item item = items.get(id);
            if (before != null && item != null && !Objects.equals(before, item.due)) {
                item.dueRevision++;
            }
        });
    }

    /** Notes an item's due date (null: undated) before the current fact first changes or removes it. */
    private void beforeChange(Item item) {
        if (item.bornInFact < factNumber && !dueBeforeFact.containsKey(item.id)) {
            dueBeforeFact.put(item.id, item.due);
        }
    }

    private void setDue(Item item, LegalDate newDue, DueBasis newBasis) {
        beforeChange(item);
        item.due = newDue;
        item.basis = newBasis;
    }

    /** Removes an open report item (submitted items and follow-up items are never removed). */
    private void remove(Item item) {
        beforeChange(item);
        items.remove(item.id);
        openReports.remove(item.id);
        if (item == lastReport) {
            lastReportKnown = false;
        }
    }

    private void submitReport(Item item, String symbol) {
        if (item.submittedSymbol != null) {
            submittedReports.get(item.submittedSymbol).remove(item);
        }
        item.submittedSymbol = symbol;
        openReports.remove(item.id);
        submittedReports.computeIfAbsent(symbol, k -> new ArrayList<>(1)).add(item);
    }

    /** Sets a report item's coverage, keeping {@link #lastReport} known where it can be told without a scan. */
    private void setCovers(Item item, ReportCoverage covers) {
        int before = item.covers.to();
        item.covers = covers;
        if (!lastReportKnown) {
            return;
        }
        if (item == lastReport) {
            if (covers.to() < before) {
                lastReportKnown = false;
            }
        } else if (lastReport == null || covers.to() > lastReport.covers.to()
                || covers.to() == lastReport.covers.to() && item.created < lastReport.created) {
            lastReport = item;
        }
    }

    private void apply(ReportingFact fact) {
        if (fact instanceof ReportingObligationOpenedEvent e) {
            Item initial = reportItem(ReportCoverage.single(1));
            setDue(initial, e.initialReportDue(), DueBasis.treaty(e.initialReportBasis()));
        } else if (fact instanceof ReportSubmittedEvent e) {
            ensureOrdinals(e.covers().to());
            Item target = mergeOpen(e.covers());
            submitReport(target, e.symbol());
            target.submittedOn = e.receivedOn();
            target.procedure = e.procedure();
        } else if (fact instanceof ListOfIssuesPriorToReportingTransmittedEvent e) {
            ensureOrdinals(e.covers().to());
            Item target = mergeOpen(e.covers());
            setDue(target, e.replyDue(), DueBasis.committee(e.symbol() + ": reply to the list of issues prior to reporting, which constitutes the report"));
            target.procedure = ReportingProcedure.SIMPLIFIED;
            dropDefaultItemsAfter(target.covers);
        } else if (fact instanceof ReviewHeldEvent e) {
            if (e.inAbsenceOfReport()) {
                for (Item item : openReports.values()) {
                    if (item.reviewedInAbsence == null && item.due != null && item.due.latest().isBefore(e.startedOn().earliest())) {
                        item.reviewedInAbsence = e.session();
                    }
                }
            } else {
                for (String symbol : e.reportSymbols()) {
                    for (Item item : submittedReports.getOrDefault(symbol, List.of())) {
                        item.reviewSession = e.session();
                    }
                }
            }
        } else if (fact instanceof ConcludingObservationsAdoptedEvent e) {
            if (e.nextReport() != null) {
                ReportCoverage covers = e.nextReport().covers();
                Item target = mergeOpen(covers);
                setDue(target, e.nextReport().due(), DueBasis.committee(e.symbol()));
                dropDefaultItemsAfter(covers);
            }
            int n = 0;
            for (FollowUpRequest request : e.followUp()) {
                n++;
                String id = "follow-up:" + e.symbol() + (e.followUp().size() > 1 ? "#" + n : "");
                Item item = items.computeIfAbsent(id, k -> new Item(k, ScheduleItem.Kind.FOLLOW_UP, null, factNumber, ++itemsCreated));
                item.label = "follow-up information on " + (request.paragraphs() == null ? "selected recommendations" : request.paragraphs())
                        + " of " + e.symbol();
                if (!e.symbol().equals(item.concludingObservations)) {
                    if (item.concludingObservations != null) {
                        followUps.get(item.concludingObservations).remove(item);
                    }
                    item.concludingObservations = e.symbol();
                    followUps.computeIfAbsent(e.symbol(), k -> new ArrayList<>(1)).add(item);
                }
                setDue(item, request.due(), DueBasis.committee(e.symbol()));
            }
        } else if (fact instanceof FollowUpInformationSubmittedEvent e) {
            for (Item item : followUps.getOrDefault(e.concludingObservations(), List.of())) {
                if (!item.submitted()) {
                    item.submittedSymbol = e.symbol();
                    item.submittedOn = e.receivedOn();
                }
            }
        } else if (fact instanceof DueDateRevisedEvent e) {
            Item item = items.get(e.itemId());
            if (item != null) {
                setDue(item, e.newDue(), DueBasis.committee(e.decisionSymbol() != null ? e.decisionSymbol() : "revised: " + e.reason()));
                if (item.kind == ScheduleItem.Kind.REPORT) {
                    dropDefaultItemsAfter(item.covers);
                }
            }
        }
    }

    /** The chain restarts from a committee's date: drops the default items after {@code covers} that it made obsolete. */
    private void dropDefaultItemsAfter(ReportCoverage covers) {
        List<Item> obsolete = new ArrayList<>(0);
        for (Item i : openReports.values()) {
            if (i.reviewedInAbsence == null && i.basis != null && !i.basis.confirmed() && i.covers.from() > covers.to()) {
                obsolete.add(i);
            }
        }
        obsolete.forEach(this::remove);
    }

    /** Generates the treaty-default periodic items up to {@code upTo}: all due by then, and the next one. */
    private void extendChain(LocalDate upTo) {
        if (!rule.hasPeriodicReports()) {
            return;
        }
        while (items.size() < MAX_ITEMS) {
            Optional<Item> last = lastReport();
            if (last.isEmpty() || last.get().due == null) {
                return;
            }
            Item l = last.get();
            boolean passed = l.submitted() || l.reviewedInAbsence != null || l.due.latest().isBefore(upTo);
            if (!passed) {
                return;
            }
            addNextPeriodic(l);
        }
    }

    /** Makes sure items exist up to {@code ordinal}, so that a report or request covering them can take them in. */
    private void ensureOrdinals(int ordinal) {
        if (!rule.hasPeriodicReports()) {
            return;
        }
        while (items.size() < MAX_ITEMS) {
            Optional<Item> last = lastReport();
            if (last.isEmpty() || last.get().due == null || last.get().covers.to() >= ordinal) {
                return;
            }
            addNextPeriodic(last.get());
        }
    }

    private void addNextPeriodic(Item last) {
        ReportCoverage next = ReportCoverage.single(last.covers.to() + 1);
        Item item = reportItem(next);
        setDue(item, last.due.plusYears(rule.periodicYears()),
                DueBasis.treaty(rule.article() + ": periodic report every " + rule.periodicYears() + " years, counted from the previous due date"));
    }

    /**
     * Takes every open report item overlapping {@code covers} into one item covering them all; the surviving item
     * keeps the lowest ordinal's id (so its calendar identity survives) and the latest due date among them.
     */
    private Item mergeOpen(ReportCoverage covers) {
        List<Item> overlapping = new ArrayList<>(2);
        for (Item i : openReports.values()) {
            if (i.covers.overlaps(covers)) {
                overlapping.add(i);
            }
        }
        overlapping.sort(Comparator.comparingInt(i -> i.covers.from()));
        if (overlapping.isEmpty()) {
            return reportItem(covers);
        }
        Item target = overlapping.get(0);
        ReportCoverage union = covers;
        for (Item other : overlapping) {
            union = union.union(other.covers);
            if (other != target) {
                if (other.due != null && (target.due == null || other.due.compareTo(target.due) > 0)) {
                    setDue(target, other.due, other.basis);
                }
                remove(other);
            }
        }
        setCovers(target, union);
        target.label = label(union);
        return target;
    }

    private Item reportItem(ReportCoverage covers) {
        String id = "report:" + covers.from();
        Item item = items.get(id);
        if (item == null) {
            item = new Item(id, ScheduleItem.Kind.REPORT, covers, factNumber, ++itemsCreated);
            items.put(id, item);
            openReports.put(id, item);
        }
        setCovers(item, covers);
        item.label = label(covers);
        return item;
    }

    private String label(ReportCoverage covers) {
        return label(rule, covers);
    }

    /** What a report covering {@code covers} under {@code instrument} is called, as the calendar and history show it. */
    public static String label(org.treatyregistry.core.catalogue.InstrumentCode instrument, ReportCoverage covers) {
        return label(TreatyCatalogue.instrument(instrument).reporting(), covers);
    }

    /** "initial report", "combined 2nd to 4th periodic reports", or for CPED "additional information ..., no. 1". */
    private static String label(ReportingRule rule, ReportCoverage covers) {
        if (rule.laterReportsName() == null || covers.to() < 2) {
            return covers.label();
        }
        String numbers = covers.from() == covers.to() || covers.from() == 1
                ? "no. " + (covers.to() - 1) : "nos. " + (covers.from() - 1) + " to " + (covers.to() - 1);
        return (covers.from() == 1 ? "initial report and " : "") + rule.laterReportsName() + " " + numbers;
    }

    /** The report item covering the highest ordinal (the first such in order, as {@code Stream.max} would keep). */
    private Optional<Item> lastReport() {
        if (!lastReportKnown) {
            Item last = null;
            for (Item item : items.values()) {
                if (item.kind == ScheduleItem.Kind.REPORT && (last == null || item.covers.to() > last.covers.to())) {
                    last = item;
                }
            }
            lastReport = last;
            lastReportKnown = true;
        }
        return Optional.ofNullable(lastReport);
    }

    private static final class Item {
        final String id;
        final ScheduleItem.Kind kind;
        ReportCoverage covers;
        String label;
        LegalDate due;
        DueBasis basis;
        ReportingProcedure procedure = ReportingProcedure.STANDARD;
        int dueRevision;
        String submittedSymbol;
        LegalDate submittedOn;
        String reviewSession;
        String reviewedInAbsence;
        String concludingObservations;
        final int bornInFact;
        /** Items are kept in the order they were created: the first of two reports covering the same highest ordinal wins. */
        final int created;

        Item(String id, ScheduleItem.Kind kind, ReportCoverage covers, int bornInFact, int created) {
            this.id = id;
            this.kind = kind;
            this.covers = covers;
            this.bornInFact = bornInFact;
            this.created = created;
        }

        boolean submitted() {
            return submittedSymbol != null;
        }

        ScheduleItem toScheduleItem() {
            return new ScheduleItem(id, kind, covers, label, due, basis, procedure, dueRevision,
                    submittedSymbol, submittedOn, reviewSession, reviewedInAbsence, concludingObservations);
        }
    }

    /** Collects the items of several obligations in due order (undated last). */
    public static List<ScheduleItem> inDueOrder(List<ScheduleItem> items) {
        List<ScheduleItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(ScheduleItem::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }
}
