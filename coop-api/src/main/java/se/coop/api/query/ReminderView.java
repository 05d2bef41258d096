package se.coop.api.query;

import java.time.Instant;

/** A reminder issued for a meeting, to one recipient, and how its delivery went. */
public record ReminderView(
        String reminderId,
        String agreementId,
        String reviewId,
        String recipient,
        int offsetDays,
        Instant issuedAt,
        String delivery) {}
