package se.coop.api.query;

import java.time.Instant;

/**
 * A reminder issued to one recipient, and how its delivery went: PENDING, DELIVERED (by e-mail), LOGGED (kept and
 * logged: no SMTP server, or no address), RETRYING (with the attempts so far and the last error), FAILED, or ERASED (not
 * sent: the recipient's contact was erased). {@code recipient} is the address the contact register holds now, "erased
 * contact" once erased, or the recipient's name when there is no address.
 */
public record ReminderView(
        String reminderId,
        String agreementId,
        String reviewId,
        String subject,
        String recipient,
        int offsetDays,
        Instant dueAt,
        Instant issuedAt,
        String delivery,
        int deliveryAttempts,
        String deliveryError,
        Instant deliveredAt) {

    /** The same reminder, to the recipient as given. */
    public ReminderView to(String shown) {
        return new ReminderView(
                reminderId,
                agreementId,
                reviewId,
                subject,
                shown,
                offsetDays,
                dueAt,
                issuedAt,
                delivery,
                deliveryAttempts,
                deliveryError,
                deliveredAt);
    }
}
