package se.coop.query.reminders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Participant;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
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
    private final Contacts contacts;

    public ReminderDeliveries(JdbcTemplate jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    /** Axon's default for an event handler's failure is to log and go on; a reminder would then never be delivered. */
    @Bean
    static ConfigurerModule retryFailures() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(NAME, c -> PropagatingErrorHandler.instance());
    }

    /** One delivery per recipient: waiting for its digest, or — to a contact erased already — never sent. */
    @EventHandler
    void on(ReviewReminderIssued event, @org.axonframework.eventhandling.Timestamp Instant issuedAt) {
        Map<ContactId, Contact> contacted = contacts.get(event.recipients().stream()
                .map(Participant::contactId)
                .filter(Objects::nonNull)
                .toList());
        for (Participant recipient : event.recipients()) {
            Contact contact = recipient.contactId() == null ? null : contacted.get(recipient.contactId());
            DeliveryState state = contact != null && contact.erased() ? DeliveryState.ERASED : DeliveryState.PENDING;
            jdbc.update(
                    "INSERT INTO reminder_delivery (reminder_id, recipient_key, recipient, recipient_name, agreement_id,"
                            + " review_id, subject, offset_days, due_at, location, title, issued_at, status,"
                            + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
                    state.name(),
                    Timestamp.from(issuedAt));
        }
    }
}
