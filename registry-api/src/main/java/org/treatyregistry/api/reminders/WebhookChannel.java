package org.treatyregistry.api.reminders;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * HTTP POST of the notice as JSON. The receiver checks {@code X-Registry-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * the exact body bytes under the shared secret, and may refuse a stale {@code X-Registry-Timestamp} (epoch seconds,
 * also in the body as {@code sentAt}). {@code X-Registry-Notice} is the same for every attempt of a notice: a receiver
 * can deduplicate on it. Any 2xx answer is a delivery; anything else, or no answer, is a failure retried on the next run.
 */
@Component
class WebhookChannel implements ReminderChannel {

    static final String SIGNATURE_HEADER = "X-Registry-Signature";
    static final String TIMESTAMP_HEADER = "X-Registry-Timestamp";
    static final String NOTICE_HEADER = "X-Registry-Notice";
    static final String ATTEMPT_HEADER = "X-Registry-Delivery-Attempt";

    private final Clock clock;
    private final Duration timeout;
    private final HttpClient client;

    WebhookChannel(Clock clock, ReminderProperties properties) {
        this.clock = clock;
        this.timeout = properties.webhook() == null || properties.webhook().timeout() == null
                ? Duration.ofSeconds(10) : properties.webhook().timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public boolean configured(ReminderSettings settings) {
        return settings.webhookConfigured();
    }

    @Override
    public String target(ReminderSettings settings) {
        return settings.webhook().url();
    }

    @Override
    public Result deliver(ReminderMessage message, ReminderSettings settings, int attempt) {
        Instant now = clock.instant();
        byte[] body = message.json(attempt, now);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webhook().url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "treaty-registry-reminders")
                    .header(SIGNATURE_HEADER, "sha256=" + sign(settings.webhook().secret(), body))
                    .header(TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
                    .header(NOTICE_HEADER, message.noticeKey())
                    .header(ATTEMPT_HEADER, Integer.toString(attempt))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Result.ok(status);
            }
            String answer = response.body() == null ? "" : response.body().strip();
            return Result.failed(status, "HTTP " + status + (answer.isEmpty() ? "" : ": " + abbreviate(answer)));
        } catch (IOException | IllegalArgumentException e) {
            return Result.failed(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(null, "interrupted");
        }
    }

    /** HMAC-SHA256 of the body under the secret, lower-case hex. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
