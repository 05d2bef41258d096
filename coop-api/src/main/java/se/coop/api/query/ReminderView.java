package se.coop.api.query;

import java.time.Instant;

/**
 * A reminder issued to one recipient, and how its delivery went: PENDING, DELIVERED (by e-mail), LOGGED (kept and
 * logged: no SMTP server, or no address), RETRYING (with the attempts so far and the last error) or FAILED.
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
        Instant deliveredAt) {}
