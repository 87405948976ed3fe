package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.treatyregistry.core.shared.RegistryException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The desk's reminder settings, one JSON document in {@code reminder_settings}; until the desk saves any, the defaults
 * from {@code registry.reminders.*} apply. Invalid defaults stop the start-up, with the field at fault.
 */
@Component
public class ReminderSettingsStore {

    /** @param source DEFAULTS or STORED */
    public record Stored(ReminderSettings settings, String source, Instant updatedAt, String updatedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json = ReminderJson.MAPPER;
    private final ReminderSettings defaults;

    public ReminderSettingsStore(JdbcTemplate jdbc, Clock clock, ReminderProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaults = defaults(properties);
    }

    private static ReminderSettings defaults(ReminderProperties p) {
        ReminderProperties.Email email = p.email();
        ReminderProperties.Webhook webhook = p.webhook();
        ReminderSettings raw = new ReminderSettings(p.enabled(), p.leadDays() == null ? List.of() : p.leadDays(),
                p.bodyLeadDays() == null ? Map.of() : p.bodyLeadDays(),
                email == null || email.recipients() == null || email.recipients().isEmpty() ? null
                        : new ReminderSettings.Email(email.recipients()),
                webhook == null || webhook.url() == null || webhook.url().isBlank() ? null
                        : new ReminderSettings.Webhook(webhook.url(), webhook.secret()));
        try {
            return ReminderSettingsValidator.validate(raw, null);
        } catch (RegistryException e) {
            throw new IllegalStateException("invalid registry.reminders defaults: " + e.field() + ": " + e.getMessage(), e);
        }
    }

    public Stored current() {
        List<Stored> rows = jdbc.query("SELECT settings, updated_at, updated_by FROM reminder_settings WHERE id = 1",
                (rs, n) -> new Stored(read(rs.getString(1)), "STORED", rs.getTimestamp(2).toInstant(), rs.getString(3)));
        return rows.isEmpty() ? new Stored(defaults, "DEFAULTS", null, null) : rows.get(0);
    }

    /** Validates and saves; a webhook given without a secret keeps the secret in force. */
    public Stored save(ReminderSettings input, String updatedBy) {
        ReminderSettings current = current().settings();
        String secret = current.webhook() == null ? null : current.webhook().secret();
        ReminderSettings valid = ReminderSettingsValidator.validate(input, secret);
        String document = write(valid);
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE reminder_settings SET settings = ?, updated_at = ?, updated_by = ? WHERE id = 1",
                document, now, updatedBy) == 0) {
            try {
                jdbc.update("INSERT INTO reminder_settings (id, settings, updated_at, updated_by) VALUES (1, ?, ?, ?)",
                        document, now, updatedBy);
            } catch (DuplicateKeyException concurrent) {
                jdbc.update("UPDATE reminder_settings SET settings = ?, updated_at = ?, updated_by = ? WHERE id = 1",
                        document, now, updatedBy);
            }
        }
        return current();
    }

    private ReminderSettings read(String document) {
        try {
            return json.readValue(document, ReminderSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable reminder settings in the database", e);
        }
    }

    private String write(ReminderSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
