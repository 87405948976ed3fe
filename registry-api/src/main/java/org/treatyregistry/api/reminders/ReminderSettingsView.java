package org.treatyregistry.api.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The settings as {@code GET /api/reminders/settings} shows them: the webhook secret is never shown, only whether one
 * is set.
 *
 * @param source               DEFAULTS (from {@code registry.reminders.*}, nothing saved yet) or STORED
 * @param mailServerConfigured whether {@code spring.mail.host} is set: without it the e-mail channel fails
 */
public record ReminderSettingsView(boolean enabled, List<Integer> leadDays, Map<String, List<Integer>> bodyLeadDays,
                                   Email email, Webhook webhook, String source, Instant updatedAt, String updatedBy,
                                   boolean mailServerConfigured) {

    public record Email(List<String> recipients) {
    }

    public record Webhook(String url, boolean secretConfigured) {
    }

    static ReminderSettingsView of(ReminderSettingsStore.Stored stored, boolean mailServerConfigured) {
        ReminderSettings s = stored.settings();
        return new ReminderSettingsView(s.active(), s.leadDays(), s.bodyLeadDays(),
                s.email() == null ? null : new Email(s.email().recipients()),
                s.webhook() == null ? null : new Webhook(s.webhook().url(), s.webhook().secret() != null),
                stored.source(), stored.updatedAt(), stored.updatedBy(), mailServerConfigured);
    }
}
