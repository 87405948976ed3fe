package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * What the desk configures: lead times (globally and per treaty body) and channels. This is the body of
 * {@code PUT /api/reminders/settings} and what is stored; {@link ReminderSettingsView} is what GET answers. The read-only
 * fields of the view are accepted (and ignored) on PUT, so that a GET can be edited and sent back.
 *
 * @param enabled      {@code false} pauses all reminders (nothing is recorded or sent while paused); default true
 * @param leadDays     days before a due date at which a notice is sent, 1..3650, each once
 * @param bodyLeadDays per treaty body (CCPR, CAT, CRPD...), lead times that replace {@code leadDays} for that body's
 *                     items; an empty list means no reminders for that body
 * @param email        e-mail channel, or {@code null}
 * @param webhook      webhook channel, or {@code null}
 */
@JsonIgnoreProperties(value = {"source", "updatedAt", "updatedBy", "mailServerConfigured"})
public record ReminderSettings(Boolean enabled, List<Integer> leadDays, Map<String, List<Integer>> bodyLeadDays,
                               Email email, Webhook webhook) {

    /** @param recipients who receives the notices (one message to all) */
    public record Email(List<String> recipients) {
    }

    /**
     * @param url    where notices are POSTed as JSON
     * @param secret shared secret for the {@code X-Registry-Signature} HMAC; on PUT it may be left out to keep the
     *               stored one
     */
    @JsonIgnoreProperties(value = {"secretConfigured"})
    public record Webhook(String url, String secret) {
    }

    public boolean active() {
        return enabled == null || enabled;
    }

    /** The lead times for an item of this treaty body, nearest last. */
    public List<Integer> leadDaysFor(String body) {
        if (bodyLeadDays != null && body != null && bodyLeadDays.containsKey(body)) {
            return bodyLeadDays.get(body);
        }
        return leadDays == null ? List.of() : leadDays;
    }

    public boolean emailConfigured() {
        return email != null && email.recipients() != null && !email.recipients().isEmpty();
    }

    public boolean webhookConfigured() {
        return webhook != null && webhook.url() != null && !webhook.url().isBlank() && webhook.secret() != null;
    }
}
