package org.treatyregistry.api.reminders;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.treatyregistry.core.catalogue.TreatyBodyCode;
import org.treatyregistry.core.shared.RegistryException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks settings and normalises them (lead times nearest last, body codes upper case, addresses trimmed). Every
 * refusal names the field at fault as a JSON path ({@code leadDays[2]}, {@code email.recipients[0]}).
 */
final class ReminderSettingsValidator {

    static final int MAX_LEAD_DAYS = 3650;
    static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_LEAD_TIMES = 50;
    private static final int MAX_RECIPIENTS = 100;
    private static final int MAX_SECRET_LENGTH = 512;
    private static final int MAX_URL_LENGTH = 2000;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ReminderSettingsValidator() {
    }

    /**
     * @param storedSecret the webhook secret already saved, kept when the input leaves it out
     */
    static ReminderSettings validate(ReminderSettings input, String storedSecret) {
        if (input.leadDays() == null) {
            throw RegistryException.invalid("MISSING_FIELD", "leadDays", "leadDays is required (an empty list sends no reminders)");
        }
        List<Integer> leadDays = leadTimes(input.leadDays(), "leadDays");
        Map<String, List<Integer>> perBody = new TreeMap<>();
        if (input.bodyLeadDays() != null) {
            for (Map.Entry<String, List<Integer>> e : input.bodyLeadDays().entrySet()) {
                String field = "bodyLeadDays." + e.getKey();
                String body;
                try {
                    body = TreatyBodyCode.of(e.getKey()).value();
                } catch (RegistryException unknown) {
                    throw RegistryException.invalid(unknown.errorCode(), field, unknown.getMessage());
                }
                if (perBody.containsKey(body)) {
                    throw RegistryException.invalid("DUPLICATE_TREATY_BODY", field, body + " is given twice");
                }
                if (e.getValue() == null) {
                    throw RegistryException.invalid("MISSING_FIELD", field, "give a list of lead times (empty: no reminders for " + body + ")");
                }
                perBody.put(body, leadTimes(e.getValue(), field));
            }
        }
        ReminderSettings.Email email = null;
        if (input.email() != null) {
            List<String> recipients = input.email().recipients();
            if (recipients == null || recipients.isEmpty()) {
                throw RegistryException.invalid("MISSING_FIELD", "email.recipients",
                        "give at least one recipient, or leave out \"email\" to send no e-mail");
            }
            if (recipients.size() > MAX_RECIPIENTS) {
                throw RegistryException.invalid("TOO_MANY_VALUES", "email.recipients", "at most " + MAX_RECIPIENTS + " recipients");
            }
            List<String> clean = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < recipients.size(); i++) {
                String field = "email.recipients[" + i + "]";
                String address = recipients.get(i) == null ? null : recipients.get(i).strip();
                if (!validAddress(address)) {
                    throw RegistryException.invalid("INVALID_EMAIL", field, "'" + recipients.get(i) + "' is not an e-mail address (name@domain.tld)");
                }
                if (!seen.add(address.toLowerCase(Locale.ROOT))) {
                    throw RegistryException.invalid("DUPLICATE_RECIPIENT", field, address + " is given twice");
                }
                clean.add(address);
            }
            email = new ReminderSettings.Email(List.copyOf(clean));
        }
        ReminderSettings.Webhook webhook = null;
        if (input.webhook() != null) {
            String url = input.webhook().url() == null ? null : input.webhook().url().strip();
            if (url == null || url.isEmpty()) {
                throw RegistryException.invalid("MISSING_FIELD", "webhook.url", "give the URL notices are posted to, or leave out \"webhook\"");
            }
            if (!validUrl(url)) {
                throw RegistryException.invalid("INVALID_URL", "webhook.url", "'" + url + "' is not an absolute http:// or https:// URL");
            }
            String secret = input.webhook().secret() != null ? input.webhook().secret() : storedSecret;
            if (secret == null) {
                throw RegistryException.invalid("MISSING_FIELD", "webhook.secret",
                        "a webhook needs a shared secret of at least " + MIN_SECRET_LENGTH + " characters to sign its requests");
            }
            if (secret.length() < MIN_SECRET_LENGTH || secret.isBlank()) {
                throw RegistryException.invalid("WEAK_SECRET", "webhook.secret",
                        "the secret must be at least " + MIN_SECRET_LENGTH + " characters long");
            }
            if (secret.length() > MAX_SECRET_LENGTH) {
                throw RegistryException.invalid("INVALID_VALUE", "webhook.secret", "the secret must be at most " + MAX_SECRET_LENGTH + " characters long");
            }
            webhook = new ReminderSettings.Webhook(url, secret);
        }
        return new ReminderSettings(input.enabled() == null || input.enabled(), leadDays,
                perBody.isEmpty() ? Map.of() : new LinkedHashMap<>(perBody), email, webhook);
    }

    private static List<Integer> leadTimes(List<Integer> values, String field) {
        if (values.size() > MAX_LEAD_TIMES) {
            throw RegistryException.invalid("TOO_MANY_VALUES", field, "at most " + MAX_LEAD_TIMES + " lead times");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Integer days = values.get(i);
            String at = field + "[" + i + "]";
            if (days == null || days < 1 || days > MAX_LEAD_DAYS) {
                throw RegistryException.invalid("INVALID_LEAD_TIME", at,
                        "a lead time is a whole number of days from 1 to " + MAX_LEAD_DAYS + ", not " + days);
            }
            if (!seen.add(days)) {
                throw RegistryException.invalid("DUPLICATE_LEAD_TIME", at, days + " days is given twice");
            }
        }
        return values.stream().sorted(Comparator.reverseOrder()).toList();
    }

    static boolean validAddress(String address) {
        if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return address.equals(parsed.getAddress()) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }

    static boolean validUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
