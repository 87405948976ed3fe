package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.RunningRegistry;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.treatyregistry.api.reminders.ReminderDesk.delivery;
import static org.treatyregistry.api.reminders.ReminderDesk.deliveries;
import static org.treatyregistry.api.reminders.ReminderDesk.key;
import static org.treatyregistry.api.reminders.ReminderDesk.keys;
import static org.treatyregistry.api.reminders.ReminderDesk.notice;

/**
 * The reminder job on the real application (embedded H2 store), a real SMTP server and a real webhook receiver, with
 * a clock the test moves. The job is run through {@code POST /api/reminders/run} (the scheduler is off here; see
 * {@link ReminderRestartAndScheduleTest}). Each test records its own state's ratification, in its own decade, and
 * looks only at that state's item: the job serves every state at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderJobTest {

    private ReminderDesk desk;

    @BeforeAll
    void start() throws Exception {
        RunningRegistry registry = RunningRegistry.embedded(Files.createTempDirectory("registry-reminders-").resolve("data"), false);
        desk = new ReminderDesk(registry, LocalDate.of(2030, 1, 1), "registry.reminders.schedule.enabled", "false");
    }

    @AfterAll
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @BeforeEach
    void standardSettings() {
        desk.useStandardSettings();
    }

    @Test
    void aNoticeAtEachLeadTimeOnceOnBothChannels() {
        desk.clock.setToday(LocalDate.of(2030, 3, 1));
        String uid = desk.ratify("FRA", "CRPD", LocalDate.of(2030, 1, 10));
        LocalDate due = desk.due("FRA", uid);

        desk.clock.setToday(due.minusDays(181));
        assertThat(keys(desk.run(), "created", uid)).as("no lead time reached yet").isEmpty();

        for (int lead : List.of(180, 90, 30, 7)) {
            desk.clock.setToday(due.minusDays(lead));
            JsonNode first = desk.run();
            assertThat(first.path("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(keys(first, "created", uid)).containsExactly(key(uid, lead, due));
            assertThat(deliveries(first, uid)).extracting(d -> d.path("channel").asText() + " " + d.path("outcome").asText())
                    .containsExactlyInAnyOrder("EMAIL DELIVERED", "WEBHOOK DELIVERED");

            JsonNode again = desk.run();
            assertThat(keys(again, "created", uid)).as("run twice: nothing new").isEmpty();
            assertThat(deliveries(again, uid)).as("run twice: nothing sent").isEmpty();

            desk.clock.setToday(due.minusDays(lead - 1));
            JsonNode nextDay = desk.run();
            assertThat(keys(nextDay, "created", uid)).isEmpty();
            assertThat(deliveries(nextDay, uid)).isEmpty();
        }

        List<MimeMessage> mails = desk.mails(uid);
        assertThat(mails).extracting(ReminderDesk::noticeKey)
                .containsExactly(key(uid, 180, due), key(uid, 90, due), key(uid, 30, due), key(uid, 7, due));
        assertThat(ReminderDesk.subject(mails.get(0))).isEqualTo("[Treaty Registry] FRA CRPD: initial report due " + due + " (in 180 days)");
        assertThat(ReminderDesk.text(mails.get(3))).contains("is due " + due + ", in 7 days")
                .contains("CRPD art. 35").contains("Item: " + uid);

        List<WebhookReceiver.Request> hooks = desk.hooks(uid);
        assertThat(hooks).hasSize(4).allSatisfy(r -> {
            assertThat(r.signatureValid()).as("HMAC-SHA256 of the body under the shared secret").isTrue();
            assertThat(r.answered()).isEqualTo(200);
            assertThat(r.json().path("type").asText()).isEqualTo("treaty-registry.deadline-reminder");
            assertThat(r.json().path("item").path("uid").asText()).isEqualTo(uid);
            assertThat(r.json().path("item").path("dueLatest").asText()).isEqualTo(due.toString());
            assertThat(r.json().path("daysLeft").asInt()).isEqualTo(r.json().path("leadDays").asInt());
            assertThat(Instant.parse(r.json().path("sentAt").asText()).getEpochSecond()).isEqualTo(Long.parseLong(r.timestamp()));
        });
        assertThat(hooks).extracting(r -> r.json().path("leadDays").asInt()).containsExactly(180, 90, 30, 7);

        List<JsonNode> notices = desk.notices(uid);
        assertThat(notices).hasSize(4).allSatisfy(n -> {
            assertThat(n.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(delivery(n, "EMAIL").path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery(n, "EMAIL").path("target").asText()).isEqualTo(ReminderDesk.RECIPIENT);
            assertThat(delivery(n, "WEBHOOK").path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery(n, "WEBHOOK").path("status").asText()).isEqualTo("DELIVERED");
        });
        assertThat(notice(notices, 90, due).path("reminderOn").asText()).isEqualTo(due.minusDays(90).toString());
    }

    @Test
    void onlyTheNearestLeadTimeIsSentWhenSeveralHavePassed() {
        desk.clock.setToday(LocalDate.of(2040, 3, 1));
        String uid = desk.ratify("DEU", "CRPD", LocalDate.of(2040, 1, 10));
        LocalDate due = desk.due("DEU", uid);

        // the registry first sees the item 20 days before it is due: 180, 90 and 30 days have all passed
        desk.clock.setToday(due.minusDays(20));
        JsonNode run = desk.run();
        assertThat(keys(run, "created", uid)).containsExactly(key(uid, 30, due));
        assertThat(keys(run, "skipped", uid)).containsExactlyInAnyOrder(key(uid, 180, due), key(uid, 90, due));
        assertThat(desk.mails(uid)).hasSize(1);
        assertThat(ReminderDesk.subject(desk.mails(uid).get(0))).endsWith("(in 20 days)");
        assertThat(desk.hooks(uid)).singleElement().satisfies(r -> {
            assertThat(r.json().path("leadDays").asInt()).isEqualTo(30);
            assertThat(r.json().path("daysLeft").asInt()).isEqualTo(20);
        });

        List<JsonNode> notices = desk.notices(uid);
        assertThat(notice(notices, 30, due).path("status").asText()).isEqualTo("DELIVERED");
        for (int skipped : List.of(180, 90)) {
            JsonNode n = notice(notices, skipped, due);
            assertThat(n.path("status").asText()).isEqualTo("SKIPPED");
            assertThat(n.path("reason").asText()).contains("only the nearest (30-day) notice is sent");
            assertThat(n.path("deliveries")).isEmpty();
        }

        JsonNode again = desk.run();
        assertThat(keys(again, "created", uid)).isEmpty();
        assertThat(keys(again, "skipped", uid)).isEmpty();

        desk.clock.setToday(due.minusDays(7));
        JsonNode week = desk.run();
        assertThat(keys(week, "created", uid)).containsExactly(key(uid, 7, due));
        assertThat(keys(week, "skipped", uid)).isEmpty();
        assertThat(desk.mails(uid)).extracting(ReminderDesk::noticeKey).containsExactly(key(uid, 30, due), key(uid, 7, due));
    }

    @Test
    void aMovedDueDateReschedulesItsReminders() {
        desk.clock.setToday(LocalDate.of(2050, 3, 1));
        String uid = desk.ratify("NOR", "CRPD", LocalDate.of(2050, 1, 10));
        LocalDate due = desk.due("NOR", uid);
        desk.clock.setToday(due.minusDays(30));
        assertThat(keys(desk.run(), "created", uid)).containsExactly(key(uid, 30, due));

        LocalDate newDue = due.plusDays(60);
        Http.Response revised = desk.http().post("/api/states/NOR/obligations/CRPD/due-date-revisions", """
                {"itemId": "report:1", "newDue": "%s", "reason": "extension granted at the State's request",
                 "decisionSymbol": "CRPD/C/NOR/EXT/1"}""".formatted(newDue));
        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(desk.due("NOR", uid)).isEqualTo(newDue);

        // 90 days left on the new date: its 180 and 90 day lead times are both reached, the nearest is sent
        JsonNode run = desk.run();
        assertThat(keys(run, "created", uid)).containsExactly(key(uid, 90, newDue));
        assertThat(keys(run, "skipped", uid)).containsExactly(key(uid, 180, newDue));
        assertThat(ReminderDesk.subject(desk.mails(uid).get(1))).contains("due " + newDue).endsWith("(in 90 days)");

        desk.clock.setToday(newDue.minusDays(30));
        assertThat(keys(desk.run(), "created", uid)).containsExactly(key(uid, 30, newDue));
        assertThat(keys(desk.run(), "created", uid)).isEmpty();

        assertThat(desk.mails(uid)).extracting(ReminderDesk::noticeKey)
                .containsExactly(key(uid, 30, due), key(uid, 90, newDue), key(uid, 30, newDue));
        assertThat(desk.hooks(uid)).extracting(WebhookReceiver.Request::noticeKey)
                .containsExactly(key(uid, 30, due), key(uid, 90, newDue), key(uid, 30, newDue));
        assertThat(notice(desk.notices(uid), 30, due).path("status").asText()).as("what was sent stays recorded").isEqualTo("DELIVERED");
    }

    @Test
    void aSubmittedReportStopsItsReminders() {
        desk.clock.setToday(LocalDate.of(2060, 3, 1));
        String uid = desk.ratify("SWE", "CRPD", LocalDate.of(2060, 1, 10));
        LocalDate due = desk.due("SWE", uid);

        desk.webhook.answerWith(503);
        desk.clock.setToday(due.minusDays(90));
        JsonNode run = desk.run();
        assertThat(keys(run, "created", uid)).containsExactly(key(uid, 90, due));
        assertThat(deliveries(run, uid)).extracting(d -> d.path("channel").asText() + " " + d.path("outcome").asText())
                .containsExactlyInAnyOrder("EMAIL DELIVERED", "WEBHOOK FAILED");

        Http.Response submitted = desk.http().post("/api/states/SWE/obligations/CRPD/reports", """
                {"symbol": "CRPD/C/SWE/1", "receivedOn": "%s", "covers": {"from": 1, "to": 1}}""".formatted(desk.clock.today()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(desk.calendarItem("SWE", uid).path("status").asText()).as("no longer UPCOMING or DUE_SOON")
                .isEqualTo("SUBMITTED_AWAITING_REVIEW");

        // the failed webhook delivery is not retried for a report already submitted: it is cancelled, with the reason
        desk.webhook.answerWith(200);
        JsonNode afterSubmission = desk.run();
        assertThat(keys(afterSubmission, "cancelled", uid)).containsExactly(key(uid, 90, due));
        assertThat(deliveries(afterSubmission, uid)).isEmpty();
        JsonNode cancelled = notice(desk.notices(uid), 90, due);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("reason").asText()).contains("no longer open");
        assertThat(delivery(cancelled, "EMAIL").path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery(cancelled, "WEBHOOK").path("status").asText()).isEqualTo("CANCELLED");

        for (int lead : List.of(30, 7)) {
            desk.clock.setToday(due.minusDays(lead));
            JsonNode later = desk.run();
            assertThat(keys(later, "created", uid)).isEmpty();
            assertThat(deliveries(later, uid)).isEmpty();
        }
        assertThat(desk.mails(uid)).hasSize(1);
        assertThat(desk.hooks(uid)).extracting(WebhookReceiver.Request::answered).containsExactly(503);
        assertThat(desk.notices(uid)).extracting(n -> n.path("leadDays").asInt() + " " + n.path("status").asText())
                .containsExactlyInAnyOrder("180 SKIPPED", "90 CANCELLED");
    }

    @Test
    void aFailedWebhookIsRecordedAndRetriedUntilDeliveredOnce() {
        desk.clock.setToday(LocalDate.of(2070, 3, 1));
        String uid = desk.ratify("ITA", "CRPD", LocalDate.of(2070, 1, 10));
        LocalDate due = desk.due("ITA", uid);
        String key = key(uid, 90, due);

        desk.webhook.answerWith(503);
        desk.clock.setToday(due.minusDays(90));
        JsonNode first = desk.run();
        assertThat(deliveries(first, uid)).extracting(d -> d.path("channel").asText() + " " + d.path("attempt").asInt() + " "
                + d.path("outcome").asText() + " " + d.path("httpStatus").asText()).containsExactlyInAnyOrder(
                "EMAIL 1 DELIVERED ", "WEBHOOK 1 FAILED 503");
        JsonNode pending = notice(desk.notices(uid), 90, due);
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(delivery(pending, "WEBHOOK").path("status").asText()).isEqualTo("FAILED");
        assertThat(delivery(pending, "WEBHOOK").path("lastError").asText()).contains("HTTP 503");

        JsonNode second = desk.run();
        assertThat(deliveries(second, uid)).as("only the failed channel is retried")
                .extracting(d -> d.path("channel").asText() + " " + d.path("attempt").asInt() + " " + d.path("outcome").asText())
                .containsExactly("WEBHOOK 2 FAILED");

        desk.webhook.answerWith(200);
        desk.clock.setToday(due.minusDays(89));
        JsonNode third = desk.run();
        assertThat(deliveries(third, uid)).extracting(d -> d.path("channel").asText() + " " + d.path("attempt").asInt() + " " + d.path("outcome").asText())
                .containsExactly("WEBHOOK 3 DELIVERED");
        assertThat(deliveries(desk.run(), uid)).as("a delivered notice is never sent again").isEmpty();

        JsonNode delivered = notice(desk.notices(uid), 90, due);
        assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery(delivered, "WEBHOOK").path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery(delivered, "WEBHOOK").path("lastError").isMissingNode()).isTrue();
        assertThat(desk.registry.jdbc().queryForList(
                "SELECT outcome FROM reminder_attempt WHERE notice_key = ? AND channel = 'WEBHOOK' ORDER BY attempt", String.class, key))
                .as("every attempt is recorded").containsExactly("FAILED", "FAILED", "DELIVERED");

        assertThat(desk.mails(uid)).hasSize(1);
        List<WebhookReceiver.Request> hooks = desk.hooks(uid);
        assertThat(hooks).allSatisfy(r -> {
            assertThat(r.noticeKey()).isEqualTo(key);
            assertThat(r.signatureValid()).isTrue();
        });
        assertThat(hooks).extracting(WebhookReceiver.Request::attempt).containsExactly("1", "2", "3");
        assertThat(hooks).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 200);
    }

    @Test
    void leadTimesPerTreatyBodyReplaceTheGlobalOnes() {
        String settings = desk.standardSettings().replace("\"leadDays\": [180, 90, 30, 7],",
                "\"leadDays\": [180, 90, 30, 7], \"bodyLeadDays\": {\"cat\": [45]},");
        Http.Response saved = desk.putSettings(settings);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("bodyLeadDays").path("CAT").get(0).asInt()).isEqualTo(45);

        desk.clock.setToday(LocalDate.of(2080, 3, 1));
        String uid = desk.ratify("POL", "CAT", LocalDate.of(2080, 1, 10));
        LocalDate due = desk.due("POL", uid);
        desk.clock.setToday(due.minusDays(90));
        assertThat(keys(desk.run(), "created", uid)).as("CAT items follow CAT's lead times only").isEmpty();
        desk.clock.setToday(due.minusDays(45));
        assertThat(keys(desk.run(), "created", uid)).containsExactly(key(uid, 45, due));
        assertThat(desk.mails(uid)).hasSize(1);
    }

    @Test
    void invalidSettingsAreRefusedWithProblemDetails() {
        expectProblem("{\"leadDays\": [90, 0]}", "INVALID_LEAD_TIME", "leadDays[1]");
        expectProblem("{\"leadDays\": [3651]}", "INVALID_LEAD_TIME", "leadDays[0]");
        expectProblem("{\"leadDays\": [30, 90, 30]}", "DUPLICATE_LEAD_TIME", "leadDays[2]");
        expectProblem("{\"leadDays\": [\"ninety\"]}", "INVALID_VALUE", "leadDays[0]");
        expectProblem("{}", "MISSING_FIELD", "leadDays");
        expectProblem("{\"leadDays\": [90], \"bodyLeadDays\": {\"XYZ\": [30]}}", "UNKNOWN_TREATY_BODY", "bodyLeadDays.XYZ");
        expectProblem("{\"leadDays\": [90], \"bodyLeadDays\": {\"CRPD\": [30, 4000]}}", "INVALID_LEAD_TIME", "bodyLeadDays.CRPD[1]");
        expectProblem("{\"leadDays\": [90], \"email\": {\"recipients\": [\"desk@example.org\", \"not an address\"]}}",
                "INVALID_EMAIL", "email.recipients[1]");
        expectProblem("{\"leadDays\": [90], \"email\": {\"recipients\": [\"desk@example\"]}}", "INVALID_EMAIL", "email.recipients[0]");
        expectProblem("{\"leadDays\": [90], \"email\": {\"recipients\": []}}", "MISSING_FIELD", "email.recipients");
        expectProblem("{\"leadDays\": [90], \"webhook\": {\"url\": \"ftp://desk.example.org/hook\", \"secret\": \"" + ReminderDesk.SECRET + "\"}}",
                "INVALID_URL", "webhook.url");
        expectProblem("{\"leadDays\": [90], \"webhook\": {\"url\": \"not a url\", \"secret\": \"" + ReminderDesk.SECRET + "\"}}",
                "INVALID_URL", "webhook.url");
        expectProblem("{\"leadDays\": [90], \"webhook\": {\"url\": \"https://desk.example.org/hook\", \"secret\": \"too-short\"}}",
                "WEAK_SECRET", "webhook.secret");
        expectProblem("{\"leadDays\": [90], \"leadDay\": [30]}", "UNKNOWN_FIELD", "leadDay");

        // nothing of that was saved; the secret is never shown
        Http.Response current = desk.http().get("/api/reminders/settings");
        assertThat(current.status()).isEqualTo(200);
        JsonNode settings = current.json();
        assertThat(settings.path("source").asText()).isEqualTo("STORED");
        assertThat(settings.path("leadDays")).extracting(JsonNode::asInt).containsExactly(180, 90, 30, 7);
        assertThat(settings.path("email").path("recipients").get(0).asText()).isEqualTo(ReminderDesk.RECIPIENT);
        assertThat(settings.path("webhook").path("secretConfigured").asBoolean()).isTrue();
        assertThat(settings.path("mailServerConfigured").asBoolean()).isTrue();
        assertThat(current.body()).doesNotContain(ReminderDesk.SECRET);

        // what GET shows can be sent back: the secret left out is kept; lead times are kept nearest last
        String edited = current.body().replace("[180,90,30,7]", "[7,30,90,180,365]");
        Http.Response saved = desk.putSettings(edited);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("leadDays")).extracting(JsonNode::asInt).containsExactly(365, 180, 90, 30, 7);
        assertThat(saved.json().path("webhook").path("secretConfigured").asBoolean()).isTrue();
    }

    private void expectProblem(String settings, String errorCode, String field) {
        Http.Response refused = desk.putSettings(settings);
        assertThat(refused.status()).as(settings + " -> " + refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errorCode").asText()).as(refused.body()).isEqualTo(errorCode);
        assertThat(refused.json().path("field").asText()).as(refused.body()).isEqualTo(field);
    }
}
