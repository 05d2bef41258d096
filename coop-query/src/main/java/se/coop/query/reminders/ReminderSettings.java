package se.coop.query.reminders;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How reminders are delivered: {@code coop.reminders.from} (the sender), {@code digest-time} (when a day's digest may
 * go out once the previous day's has), {@code digest-poll} (how often deliveries are looked for),
 * {@code max-attempts} (before a delivery is given up as FAILED), {@code send-lease} (how long a node that claimed a
 * digest has to send it before another node may; longer than the SMTP timeouts), and {@code public-url} for the links
 * in mails and calendars (when not set, see {@link PublicAddress}).
 */
@ConfigurationProperties("coop.reminders")
public record ReminderSettings(
        String from,
        LocalTime digestTime,
        Duration digestPoll,
        Integer maxAttempts,
        Duration sendLease,
        String publicUrl) {

    public ReminderSettings {
        from = from == null ? "coop@example.org" : from;
        digestTime = digestTime == null ? LocalTime.of(7, 0) : digestTime;
        digestPoll = digestPoll == null ? Duration.ofSeconds(5) : digestPoll;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        sendLease = sendLease == null ? Duration.ofMinutes(5) : sendLease;
        publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.strip().replaceAll("/+$", "");
    }
}
