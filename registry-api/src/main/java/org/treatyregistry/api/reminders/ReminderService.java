package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.treatyregistry.api.admin.ProjectionAdmin;
import org.treatyregistry.api.config.RegistryProperties;
import org.treatyregistry.projections.calendar.CalendarEntry;
import org.treatyregistry.projections.calendar.CalendarPage;
import org.treatyregistry.projections.calendar.FindCalendarQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reminder job: reads today's open calendar (the derived read model, through the query bus), decides which
 * notices are due, and delivers them. A run is idempotent: every decision is recorded under the notice key (item,
 * lead time, due date) before anything is sent, and a delivery is claimed before it is attempted, so running twice,
 * restarting, or running on two instances sends nothing twice; what failed is retried on the next run.
 *
 * <ol>
 * <li>For each open item (UPCOMING, DUE_SOON) with a due date, the lead times reached are those not smaller than the
 * days left. Only the nearest is sent; the others, if not yet recorded, are recorded SKIPPED.</li>
 * <li>An outstanding notice whose item is no longer open (report submitted, overdue), whose due date moved, or for
 * which a nearer notice exists, is CANCELLED, with the reason.</li>
 * <li>Every outstanding delivery on a configured channel is attempted; the attempt is recorded, DELIVERED or FAILED.</li>
 * </ol>
 */
@Service
public class ReminderService {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    private static final Set<String> OPEN = Set.of("UPCOMING", "DUE_SOON");
    private static final int PAGE_SIZE = 1000;

    private final QueryGateway queries;
    private final ReminderSettingsStore settings;
    private final ReminderRepository repository;
    private final List<ReminderChannel> channels;
    private final ProjectionAdmin projections;
    private final RegistryProperties registry;
    private final ReminderProperties properties;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public ReminderService(QueryGateway queries, ReminderSettingsStore settings, ReminderRepository repository,
                           MailChannel mail, WebhookChannel webhook, ProjectionAdmin projections,
                           RegistryProperties registry, ReminderProperties properties, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.repository = repository;
        this.channels = List.of(mail, webhook);
        this.projections = projections;
        this.registry = registry;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run; runs in this process are one at a time (a second caller waits for the first). */
    public ReminderRunReport run(String trigger) {
        running.lock();
        try {
            return runLocked(trigger);
        } finally {
            running.unlock();
        }
    }

    private ReminderRunReport runLocked(String trigger) {
        Instant startedAt = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Run run = new Run(trigger, today, startedAt);
        ReminderSettings current = settings.current().settings();
        if (!current.active()) {
            return run.finish("DISABLED", 0);
        }
        List<ReminderChannel> configured = channels.stream().filter(c -> c.configured(current)).toList();
        if (configured.isEmpty()) {
            return run.finish("NO_CHANNEL", 0);
        }
        // a rebuild empties the read models and replays them: a partial calendar would look like closed items
        if (!projections.awaitCaughtUp(Duration.ofSeconds(10))) {
            LOG.info("reminders: read models are not caught up, run skipped");
            return run.finish("READ_MODELS_BEHIND", 0);
        }
        Map<String, CalendarEntry> open = openItems(today);
        schedule(open.values(), current, configured, run);
        cancelStale(open, run);
        deliver(current, run);
        ReminderRunReport report = run.finish("COMPLETED", open.size());
        if (!report.created().isEmpty() || !report.deliveries().isEmpty() || !report.cancelled().isEmpty()) {
            LOG.info("reminders ({}): {} open items, {} notices, {} skipped, {} cancelled, {} delivered, {} failed",
                    trigger, open.size(), report.created().size(), report.skipped().size(), report.cancelled().size(),
                    report.delivered(), report.failed());
        }
        return report;
    }

    /** Every open item of every state with a due date, as of today, by uid. */
    private Map<String, CalendarEntry> openItems(LocalDate today) {
        Map<String, CalendarEntry> items = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            FindCalendarQuery query = new FindCalendarQuery(null, null, null, OPEN, null, null, today,
                    registry.dueSoonDays(), null, false, page, PAGE_SIZE);
            CalendarPage result = queries.query(query, ResponseTypes.instanceOf(CalendarPage.class)).join();
            for (CalendarEntry entry : result.items()) {
                if (entry.dueLatest() != null && OPEN.contains(entry.status())) {
                    items.put(entry.uid(), entry);
                }
            }
            if (result.items().isEmpty() || (long) (page + 1) * result.size() >= result.total()) {
                return items;
            }
        }
    }

    private void schedule(Iterable<CalendarEntry> open, ReminderSettings current, List<ReminderChannel> configured, Run run) {
        List<String> channelNames = configured.stream().map(ReminderChannel::name).toList();
        for (CalendarEntry entry : open) {
            long daysLeft = ChronoUnit.DAYS.between(run.today, entry.dueLatest());
            if (daysLeft < 0) {
                continue;
            }
            List<Integer> reached = current.leadDaysFor(entry.body()).stream().filter(lead -> daysLeft <= lead).sorted().toList();
            if (reached.isEmpty()) {
                continue;
            }
            int nearest = reached.get(0);
            Map<Integer, String> recorded = repository.leadStatuses(entry.uid(), entry.dueLatest());
            if (!recorded.containsKey(nearest)) {
                ReminderRepository.NewNotice notice = newNotice(entry, nearest);
                if (repository.createPending(notice, channelNames, run.today, clock.instant())) {
                    run.created.add(action(notice, daysLeft + " days left"));
                }
            }
            for (int lead : reached.subList(1, reached.size())) {
                if (!recorded.containsKey(lead)) {
                    ReminderRepository.NewNotice notice = newNotice(entry, lead);
                    String reason = "the " + lead + "-day lead time passed without a notice (" + daysLeft
                            + " days left when this run found it); only the nearest (" + nearest + "-day) notice is sent";
                    if (repository.createSkipped(notice, reason, run.today, clock.instant())) {
                        run.skipped.add(action(notice, reason));
                    }
                }
            }
        }
    }

    /** Outstanding notices that no longer apply are cancelled, never silently left or dropped. */
    private void cancelStale(Map<String, CalendarEntry> open, Run run) {
        for (ReminderNotice n : repository.pendingNotices()) {
            CalendarEntry entry = open.get(n.itemUid());
            String reason = null;
            if (entry == null) {
                reason = "the item is no longer open on " + run.today + " (report submitted, overdue, or no longer due)";
            } else if (!entry.dueLatest().equals(n.dueLatest())) {
                reason = "the due date moved from " + n.dueLatest() + " to " + entry.dueLatest();
            } else {
                // a nearer notice for the same due date (pending or delivered) makes this one out of date
                int nearest = repository.leadStatuses(n.itemUid(), n.dueLatest()).entrySet().stream()
                        .filter(e -> e.getValue().equals(ReminderNotice.PENDING) || e.getValue().equals(ReminderNotice.DELIVERED))
                        .mapToInt(Map.Entry::getKey).min().orElse(n.leadDays());
                if (nearest < n.leadDays()) {
                    reason = "superseded by the " + nearest + "-day notice for the same due date";
                }
            }
            if (reason != null && repository.cancel(n.noticeKey(), reason, clock.instant())) {
                run.cancelled.add(new ReminderRunReport.NoticeAction(n.noticeKey(), n.itemUid(), n.leadDays(), n.dueLatest(), reason));
            }
        }
    }

    private void deliver(ReminderSettings current, Run run) {
        Duration lease = properties.deliveryLease() == null ? Duration.ofMinutes(10) : properties.deliveryLease();
        for (ReminderRepository.Outstanding d : repository.outstandingDeliveries(clock.instant().minus(lease))) {
            ReminderChannel channel = channels.stream().filter(c -> c.name().equals(d.channel())).findFirst().orElse(null);
            if (channel == null || !channel.configured(current)) {
                // kept outstanding: sent if the channel is configured again while the notice still applies
                continue;
            }
            int attempt = repository.claim(d.noticeKey(), d.channel(), clock.instant(), clock.instant().minus(lease));
            if (attempt == 0) {
                continue;
            }
            ReminderMessage message = new ReminderMessage(d.noticeKey(), d.leadDays(), run.today, item(d.item()), calendarUrl(d.item()));
            ReminderChannel.Result result;
            try {
                result = channel.deliver(message, current, attempt);
            } catch (RuntimeException e) {
                result = ReminderChannel.Result.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            String target = channel.target(current);
            repository.recordAttempt(d.noticeKey(), d.channel(), attempt, result.delivered(), target, result.httpStatus(),
                    result.error(), clock.instant());
            run.deliveries.add(new ReminderRunReport.DeliveryAction(d.noticeKey(), d.channel(), attempt,
                    result.delivered() ? "DELIVERED" : "FAILED", target, result.httpStatus(), result.error()));
            if (!result.delivered()) {
                LOG.warn("reminder {} via {} failed (attempt {}): {}", d.noticeKey(), d.channel(), attempt, result.error());
            }
        }
    }

    private String calendarUrl(String itemJson) {
        String base = registry.calendar() == null ? null : registry.calendar().publicUrl();
        if (base == null || base.isBlank()) {
            return null;
        }
        return base.replaceAll("/+$", "") + "/api/states/" + item(itemJson).path("state").asText() + "/calendar";
    }

    private static JsonNode item(String json) {
        try {
            return ReminderJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notice item", e);
        }
    }

    private static ReminderRepository.NewNotice newNotice(CalendarEntry entry, int lead) {
        String item;
        try {
            item = ReminderJson.MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ReminderRepository.NewNotice(ReminderNotice.key(entry.uid(), lead, entry.dueLatest()), entry.uid(), lead,
                entry.dueLatest(), entry.due(), entry.state(), entry.instrument(), entry.body(), entry.label(), item);
    }

    private static ReminderRunReport.NoticeAction action(ReminderRepository.NewNotice n, String reason) {
        return new ReminderRunReport.NoticeAction(n.key(), n.itemUid(), n.leadDays(), n.dueLatest(), reason);
    }

    /** What a run has done so far. */
    private final class Run {
        final String trigger;
        final LocalDate today;
        final Instant startedAt;
        final List<ReminderRunReport.NoticeAction> created = new ArrayList<>();
        final List<ReminderRunReport.NoticeAction> skipped = new ArrayList<>();
        final List<ReminderRunReport.NoticeAction> cancelled = new ArrayList<>();
        final List<ReminderRunReport.DeliveryAction> deliveries = new ArrayList<>();

        Run(String trigger, LocalDate today, Instant startedAt) {
            this.trigger = trigger;
            this.today = today;
            this.startedAt = startedAt;
        }

        ReminderRunReport finish(String outcome, int openItems) {
            int delivered = (int) deliveries.stream().filter(d -> d.outcome().equals("DELIVERED")).count();
            return new ReminderRunReport(trigger, today, startedAt, clock.instant(), outcome, openItems, List.copyOf(created),
                    List.copyOf(skipped), List.copyOf(cancelled), List.copyOf(deliveries), delivered,
                    deliveries.size() - delivered);
        }
    }
}
