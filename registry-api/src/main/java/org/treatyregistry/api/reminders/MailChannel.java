package org.treatyregistry.api.reminders;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the SMTP server of {@code spring.mail.*}: one plain-text message per notice to all recipients, with
 * the notice key in an {@code X-Registry-Notice} header. Without {@code spring.mail.host} there is no mail sender and
 * every e-mail delivery fails (recorded, retried).
 */
@Component
class MailChannel implements ReminderChannel {

    static final String NOTICE_HEADER = "X-Registry-Notice";

    private final ObjectProvider<JavaMailSender> sender;
    private final ReminderProperties properties;

    MailChannel(ObjectProvider<JavaMailSender> sender, ReminderProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public boolean configured(ReminderSettings settings) {
        return settings.emailConfigured();
    }

    boolean serverConfigured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public String target(ReminderSettings settings) {
        return String.join(", ", settings.email().recipients());
    }

    @Override
    public Result deliver(ReminderMessage message, ReminderSettings settings, int attempt) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Result.failed(null, "no SMTP server configured: set spring.mail.host (and spring.mail.port, username, password)");
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            ReminderProperties.Email email = properties.email();
            helper.setFrom(email == null || email.from() == null ? "treaty-registry@localhost" : email.from());
            helper.setTo(settings.email().recipients().toArray(String[]::new));
            helper.setSubject(message.subject(email == null ? null : email.subjectPrefix()));
            helper.setText(message.body());
            mime.setHeader(NOTICE_HEADER, message.noticeKey());
            mail.send(mime);
            return Result.ok(null);
        } catch (MailException | MessagingException e) {
            return Result.failed(null, describe(e));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        for (int i = 0; cause != null && cause != e && i < 3; i++, cause = cause.getCause()) {
            b.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return b.toString();
    }
}
