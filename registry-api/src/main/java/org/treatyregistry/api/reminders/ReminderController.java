package org.treatyregistry.api.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.treatyregistry.api.recording.CommandBinder;
import org.treatyregistry.core.shared.RegistryException;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RestController
@RequestMapping(path = "/api/reminders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deadline reminders")
public class ReminderController {

    private static final Set<String> NOTICE_STATUSES = Set.of(ReminderNotice.PENDING, ReminderNotice.DELIVERED,
            ReminderNotice.SKIPPED, ReminderNotice.CANCELLED);

    private final ReminderSettingsStore settings;
    private final ReminderService reminders;
    private final ReminderRepository notices;
    private final MailChannel mail;

    public ReminderController(ReminderSettingsStore settings, ReminderService reminders, ReminderRepository notices,
                              MailChannel mail) {
        this.settings = settings;
        this.reminders = reminders;
        this.notices = notices;
        this.mail = mail;
    }

    @GetMapping("/settings")
    @Operation(summary = "Lead times and channels of the deadline reminders (the webhook secret is never shown)")
    public ReminderSettingsView settings() {
        return ReminderSettingsView.of(settings.current(), mail.serverConfigured());
    }

    @PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace the reminder settings: lead times (1..3650 days, globally and per treaty body), e-mail recipients, webhook URL and secret (at least 16 characters; leave it out to keep the current one)")
    public ReminderSettingsView saveSettings(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReminderSettings.class)))
                                             @RequestBody ObjectNode body, Principal user) {
        ReminderSettings input;
        try {
            input = ReminderJson.STRICT.treeToValue(body, ReminderSettings.class);
        } catch (JsonMappingException e) {
            throw CommandBinder.translate(e);
        } catch (JsonProcessingException e) {
            throw RegistryException.invalid("MALFORMED_JSON", null, e.getOriginalMessage());
        }
        return ReminderSettingsView.of(settings.save(input, user == null ? "anonymous" : user.getName()), mail.serverConfigured());
    }

    @PostMapping("/run")
    @Operation(summary = "Run the reminder job now (it also runs on its own schedule): record the notices due today, retry failed deliveries, and report what was done")
    public ReminderRunReport run() {
        return reminders.run("ADMIN");
    }

    @GetMapping("/notices")
    @Operation(summary = "The notices recorded, newest first, with their deliveries")
    public List<ReminderNotice> notices(@Parameter(description = "a calendar item's uid, e.g. obligation:KAZ:CRPD/report:2")
                                        @RequestParam(required = false) String item,
                                        @Parameter(description = "PENDING, DELIVERED, SKIPPED, CANCELLED")
                                        @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "100") int limit) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !NOTICE_STATUSES.contains(wanted)) {
            throw RegistryException.invalid("INVALID_VALUE", "status", "'" + status + "' is not one of " + NOTICE_STATUSES.stream().sorted().toList());
        }
        if (limit < 1 || limit > 1000) {
            throw RegistryException.invalid("INVALID_VALUE", "limit", "limit must be between 1 and 1000");
        }
        return notices.list(item == null || item.isBlank() ? null : item.strip(), wanted, limit);
    }
}
