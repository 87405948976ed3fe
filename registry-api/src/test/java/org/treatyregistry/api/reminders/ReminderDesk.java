package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.env.Environment;
import org.treatyregistry.api.support.Http;
import org.treatyregistry.api.support.MutableClock;
import org.treatyregistry.api.support.RunningRegistry;
import org.treatyregistry.api.support.TestCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reminder tests work with: the running registry with a clock they move, a real SMTP server (GreenMail) and
 * a real webhook receiver, and the desk's actions over HTTP.
 */
final class ReminderDesk implements AutoCloseable {

    static final String SECRET = "a-shared-secret-of-the-desk-0123";
    static final String RECIPIENT = "treaty-desk@example.org";

    final MutableClock clock;
    final GreenMail smtp;
    final WebhookReceiver webhook;
    final RunningRegistry registry;
    private final HttpClient client = HttpClient.newHttpClient();

    /** Starts SMTP, webhook receiver and the registry (no demo data; the scheduler as {@code schedule} says). */
    ReminderDesk(RunningRegistry registry, LocalDate today, String... scheduleProperties) {
        this.clock = new MutableClock(today);
        this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        this.webhook = new WebhookReceiver(SECRET);
        this.registry = registry
                .with("spring.mail.host", "127.0.0.1")
                .with("spring.mail.port", smtp.getSmtp().getPort())
                .withPrimaryBean("movableTestClock", Clock.class, clock);
        for (int i = 0; i + 1 < scheduleProperties.length; i += 2) {
            registry.with(scheduleProperties[i], scheduleProperties[i + 1]);
        }
        registry.start();
    }

    Http http() {
        return registry.http();
    }

    /** Lead times 180/90/30/7, e-mail to the desk, webhook to the receiver. */
    String standardSettings() {
        return """
                {"enabled": true, "leadDays": [180, 90, 30, 7],
                 "email": {"recipients": ["%s"]},
                 "webhook": {"url": "%s", "secret": "%s"}}""".formatted(RECIPIENT, webhook.url(), SECRET);
    }

    Http.Response putSettings(String json) {
        String base = "http://localhost:" + registry.bean(Environment.class).getProperty("local.server.port");
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/reminders/settings"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((TestCredentials.ADMIN + ":"
                            + TestCredentials.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void useStandardSettings() {
        Http.Response saved = putSettings(standardSettings());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        webhook.answerWith(200);
    }

    /** Records a ratification through the REST API; answers the uid of the initial report it obliges. */
    String ratify(String state, String instrument, LocalDate depositedOn) {
        Http.Response created = http().post("/api/states/" + state + "/participations/" + instrument + "/ratification", """
                {"action": "RATIFICATION", "depositedOn": "%s", "source": {"symbol": "C.N.TEST.%s.%s"}}"""
                .formatted(depositedOn, state, instrument));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("projected").asBoolean()).isTrue();
        return "obligation:" + state + ":" + instrument + "/report:1";
    }

    /** The item in today's calendar (its open items), or null if it is not there. */
    JsonNode calendarItem(String state, String uid) {
        JsonNode page = http().get("/api/states/" + state + "/calendar?asOf=" + clock.today()).json();
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> i.path("uid").asText().equals(uid)).findFirst().orElse(null);
    }

    /** The last day of the item's due period, as the calendar shows it today. */
    LocalDate due(String state, String uid) {
        JsonNode item = calendarItem(state, uid);
        assertThat(item).as("%s is open on %s", uid, clock.today()).isNotNull();
        return LocalDate.parse(item.path("dueLatest").asText());
    }

    JsonNode run() {
        Http.Response ran = http().post("/api/reminders/run", "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran.json();
    }

    /** Notice keys in one list of a run report ("created", "skipped", "cancelled") for this item. */
    static List<String> keys(JsonNode report, String list, String uid) {
        return StreamSupport.stream(report.path(list).spliterator(), false)
                .filter(a -> a.path("itemUid").asText().equals(uid)).map(a -> a.path("noticeKey").asText()).toList();
    }

    /** The delivery attempts of a run report for this item. */
    static List<JsonNode> deliveries(JsonNode report, String uid) {
        return StreamSupport.stream(report.path("deliveries").spliterator(), false)
                .filter(d -> d.path("noticeKey").asText().startsWith(uid + "|")).toList();
    }

    /** The recorded notices of this item, newest first. */
    List<JsonNode> notices(String uid) {
        Http.Response listed = http().get("/api/reminders/notices?item=" + uid);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> result = new ArrayList<>();
        listed.json().forEach(result::add);
        return result;
    }

    static JsonNode notice(List<JsonNode> notices, int leadDays, LocalDate due) {
        return notices.stream().filter(n -> n.path("leadDays").asInt() == leadDays && n.path("dueLatest").asText().equals(due.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + leadDays + "-day notice for " + due + " in " + notices));
    }

    static JsonNode delivery(JsonNode notice, String channel) {
        return StreamSupport.stream(notice.path("deliveries").spliterator(), false)
                .filter(d -> d.path("channel").asText().equals(channel)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + channel + " delivery in " + notice));
    }

    /** E-mails received for this item (the notice key is in a header). */
    List<MimeMessage> mails(String uid) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> noticeKey(m).startsWith(uid + "|")).toList();
    }

    static String noticeKey(MimeMessage message) {
        try {
            String key = message.getHeader("X-Registry-Notice", null);
            return key == null ? "" : key;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Webhook requests received for this item. */
    List<WebhookReceiver.Request> hooks(String uid) {
        return webhook.requests(r -> r.noticeKey() != null && r.noticeKey().startsWith(uid + "|"));
    }

    static String key(String uid, int leadDays, LocalDate due) {
        return uid + "|" + leadDays + "|" + due;
    }

    @Override
    public void close() {
        registry.stop();
        webhook.close();
        smtp.stop();
    }
}
