package se.coop.query.reminders;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Participant;
import se.coop.api.reminder.ReviewReminderIssued;
import se.coop.query.QueryNode;

/**
 * Turns each issued reminder into a delivery per recipient, for the digest to send. A side effect, so it never
 * replays: a rebuild of the read models sends nothing again. A delivery already recorded is not recorded twice. A
 * reminder must never be lost, so a failure is not skipped but retried (the processor stalls and says so) — see
 * {@link #retryFailures()}.
 */
@QueryNode
@Component
@ProcessingGroup(ReminderDeliveries.NAME)
@DisallowReplay
public class ReminderDeliveries {

    public static final String NAME = "reminder-delivery";

    private final JdbcTemplate jdbc;

    public ReminderDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Axon's default for an event handler's failure is to log and go on; a reminder would then never be delivered. */
    @Bean
    static ConfigurerModule retryFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(NAME, c -> PropagatingErrorHandler.instance());
    }

    @EventHandler
    void on(ReviewReminderIssued event, @org.axonframework.eventhandling.Timestamp Instant issuedAt) {
        for (Participant recipient : event.recipients()) {
            jdbc.update(
                    "INSERT INTO reminder_delivery (reminder_id, recipient_key, recipient, recipient_name, agreement_id,"
                            + " review_id, subject, offset_days, due_at, location, title, issued_at, status,"
                            + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)"
                            + " ON CONFLICT DO NOTHING",
                    event.reminderId(),
                    IssuedReminders.recipientKey(recipient),
                    recipient.email(),
                    recipient.name(),
                    event.agreementId().toString(),
                    event.reviewId() == null ? null : event.reviewId().toString(),
                    event.subject().name(),
                    event.offsetDays(),
                    Timestamp.from(event.dueAt().toInstant()),
                    event.location(),
                    event.title(),
                    Timestamp.from(issuedAt),
                    Timestamp.from(issuedAt));
        }
    }
}
