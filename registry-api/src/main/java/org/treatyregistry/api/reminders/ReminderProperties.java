package org.treatyregistry.api.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Deadline reminders ({@code registry.reminders.*}). The lead times and channels here are only the defaults: once the
 * desk saves settings through {@code PUT /api/reminders/settings}, the stored settings apply. The SMTP server is
 * configured with Spring's standard {@code spring.mail.*}.
 *
 * @param enabled      whether reminders are sent (default settings)
 * @param leadDays     days before a due date at which a notice is sent (default settings)
 * @param bodyLeadDays lead times per treaty body (CCPR, CAT, CRPD...), replacing {@code leadDays} for that body
 * @param email        default recipients, and the sender address
 * @param webhook      default webhook, and its request timeout
 * @param schedule     the periodic job
 * @param deliveryLease how long a delivery claimed by a run may stay unfinished before another run may retry it (a run
 *                     that died mid-delivery)
 */
@ConfigurationProperties("registry.reminders")
public record ReminderProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue({"180", "90", "30", "7"}) List<Integer> leadDays,
                                 Map<String, List<Integer>> bodyLeadDays,
                                 @DefaultValue Email email,
                                 @DefaultValue Webhook webhook,
                                 @DefaultValue Schedule schedule,
                                 @DefaultValue("PT10M") Duration deliveryLease) {

    /** @param from the sender of reminder e-mails; @param subjectPrefix put before every subject */
    public record Email(List<String> recipients, @DefaultValue("treaty-registry@localhost") String from,
                        @DefaultValue("[Treaty Registry]") String subjectPrefix) {
    }

    /** @param secret the shared secret the body is signed with (HMAC-SHA256); @param timeout per request */
    public record Webhook(String url, String secret, @DefaultValue("PT10S") Duration timeout) {
    }

    /**
     * The job runs {@code initialDelay} after start-up, then every {@code interval} (after the previous run ended).
     * Read by {@code @Scheduled} through placeholders, so ISO-8601 durations (PT15M) or milliseconds.
     */
    public record Schedule(@DefaultValue("true") boolean enabled, @DefaultValue("PT15M") Duration interval,
                           @DefaultValue("PT1M") Duration initialDelay) {
    }
}
