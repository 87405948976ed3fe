package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestPostgres;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.reminders.ReminderDesk.deliveries;
import static org.treatyregistry.api.reminders.ReminderDesk.key;
import static org.treatyregistry.api.reminders.ReminderDesk.keys;
import static org.treatyregistry.api.reminders.ReminderDesk.notice;

/**
 * The scheduled job and restarts, on PostgreSQL (so the reminder migration runs there too): notices are sent by the
 * periodic job without anyone calling it, nothing is sent again after a restart, and what came due while the registry
 * was stopped is sent by the run shortly after start-up. Waits are bounded waits for a delivery to arrive.
 */
class ReminderRestartAndScheduleTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private ReminderDesk desk;

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void theScheduledJobSendsOnItsOwnAndARestartSendsNothingTwice() throws Exception {
        RunningRegistry registry = RunningRegistry.postgres(TestPostgres.newDatabase(), false);
        desk = new ReminderDesk(registry, LocalDate.of(2030, 3, 1),
                "registry.reminders.schedule.initial-delay", "PT0.2S",
                "registry.reminders.schedule.interval", "PT0.3S");
        desk.useStandardSettings();
        String uid = desk.ratify("FRA", "CRPD", LocalDate.of(2030, 1, 10));
        LocalDate due = desk.due("FRA", uid);

        // the periodic job finds the 90-day lead time reached and sends the notice, nobody calls it
        desk.clock.setToday(due.minusDays(90));
        assertThat(desk.smtp.waitForIncomingEmail(ARRIVAL.toMillis(), 1)).as("e-mail from the scheduled job").isTrue();
        assertThat(desk.webhook.await(r -> key(uid, 90, due).equals(r.noticeKey()), 1, ARRIVAL)).isTrue();
        // a manual run waits for a scheduled run in progress: after it, the scheduled run has recorded what it did
        JsonNode sameDay = desk.run();
        assertThat(keys(sameDay, "created", uid)).isEmpty();
        assertThat(deliveries(sameDay, uid)).isEmpty();
        assertThat(notice(desk.notices(uid), 90, due).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(desk.mails(uid)).extracting(ReminderDesk::noticeKey).containsExactly(key(uid, 90, due));

        // restart on the same database, same day: nothing is sent again
        desk.registry.stop();
        desk.registry.with("registry.reminders.schedule.initial-delay", "PT0.5S")
                .with("registry.reminders.schedule.interval", "PT1H");
        desk.registry.start();
        JsonNode afterRestart = desk.run();
        assertThat(afterRestart.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(keys(afterRestart, "created", uid)).isEmpty();
        assertThat(deliveries(afterRestart, uid)).isEmpty();
        assertThat(desk.mails(uid)).hasSize(1);
        assertThat(desk.hooks(uid)).hasSize(1);

        // stopped while the 30-day lead time passes: the run shortly after start-up catches up, once
        desk.registry.stop();
        desk.clock.setToday(due.minusDays(25));
        desk.registry.start();
        assertThat(desk.smtp.waitForIncomingEmail(ARRIVAL.toMillis(), 2)).as("e-mail from the start-up run").isTrue();
        assertThat(desk.webhook.await(r -> key(uid, 30, due).equals(r.noticeKey()), 1, ARRIVAL)).isTrue();
        JsonNode manual = desk.run();
        assertThat(keys(manual, "created", uid)).isEmpty();
        assertThat(deliveries(manual, uid)).isEmpty();
        assertThat(notice(desk.notices(uid), 30, due).path("status").asText()).isEqualTo("DELIVERED");

        assertThat(desk.mails(uid)).extracting(ReminderDesk::noticeKey).containsExactly(key(uid, 90, due), key(uid, 30, due));
        assertThat(desk.hooks(uid)).extracting(WebhookReceiver.Request::noticeKey).containsExactly(key(uid, 90, due), key(uid, 30, due));
        assertThat(desk.hooks(uid)).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(notice(desk.notices(uid), 180, due).path("status").asText()).isEqualTo("SKIPPED");
    }
}
