package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The content of one notice, as e-mail text and as the webhook's JSON.
 *
 * @param item        the calendar entry as it was when the notice was recorded (its due date is still current:
 *                    a notice whose due date moved is cancelled, not sent)
 * @param calendarUrl where the desk sees the state's calendar
 */
record ReminderMessage(String noticeKey, int leadDays, LocalDate today, JsonNode item, String calendarUrl) {

    static final String TYPE = "treaty-registry.deadline-reminder";

    LocalDate dueLatest() {
        return LocalDate.parse(item.path("dueLatest").asText());
    }

    long daysLeft() {
        return java.time.temporal.ChronoUnit.DAYS.between(today, dueLatest());
    }

    private String text(String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private String when() {
        long days = daysLeft();
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }

    String subject(String prefix) {
        return (prefix == null || prefix.isBlank() ? "" : prefix.strip() + " ") + text("state") + " " + text("instrument")
                + ": " + text("label") + " due " + text("due") + " (" + when() + ")";
    }

    String body() {
        StringBuilder b = new StringBuilder();
        b.append("The ").append(text("label")).append(" of ").append(text("state")).append(" under ")
                .append(text("instrument")).append(" (").append(text("bodyName")).append(") is due ")
                .append(text("due")).append(", ").append(when()).append(" (as of ").append(today).append(").\n\n");
        b.append("Basis: ").append(text("basis"));
        if (item.path("confirmed").asBoolean()) {
            b.append(" (a committee decision: confirmed)");
        } else if (!text("basisKind").isEmpty()) {
            b.append(" (treaty rule: tentative)");
        }
        b.append('\n');
        if (!text("covers").isEmpty()) {
            b.append("Reports covered: ").append(text("covers")).append('\n');
        }
        b.append("Reminder: ").append(leadDays).append(" days before the due date\n");
        b.append("Item: ").append(text("uid")).append('\n');
        if (calendarUrl != null) {
            b.append("Calendar: ").append(calendarUrl).append('\n');
        }
        b.append("\nYou receive this because your address is in the Treaty Registry's reminder settings")
                .append(" (/api/reminders/settings). Notice ").append(noticeKey).append('\n');
        return b.toString();
    }

    /** The webhook body; {@code sentAt} is the same instant as the timestamp header, so the signature covers it. */
    byte[] json(int attempt, Instant sentAt) {
        ObjectNode root = ReminderJson.MAPPER.createObjectNode();
        root.put("type", TYPE);
        root.put("noticeKey", noticeKey);
        root.put("attempt", attempt);
        root.put("sentAt", sentAt.toString());
        root.put("asOf", today.toString());
        root.put("leadDays", leadDays);
        root.put("daysLeft", daysLeft());
        root.set("item", item);
        if (calendarUrl != null) {
            root.put("calendarUrl", calendarUrl);
        }
        try {
            return ReminderJson.MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
