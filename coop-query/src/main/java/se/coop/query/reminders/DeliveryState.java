package se.coop.query.reminders;

/**
 * Where a reminder's delivery to one recipient stands, as {@code reminder_delivery.status} stores it (and
 * {@code GET /api/v1/reminders} shows it).
 */
public enum DeliveryState {
    /** Waiting for the recipient's next digest. */
    PENDING,
    /** In a digest being sent now, by the node that claimed it until its lease ends ({@code next_attempt_at}). */
    SENDING,
    /** Its digest could not be sent; tried again at {@code next_attempt_at}. */
    RETRYING,
    /** Sent by e-mail. */
    DELIVERED,
    /** Kept and logged: no SMTP server is configured, or the recipient has no address. */
    LOGGED,
    /** Given up after the configured number of attempts; still listed, with the last error. */
    FAILED,
    /** Not sent: the recipient's contact was erased (docs/decisions/0007). */
    ERASED;

    /** The states a digest picks its reminders from (a {@link #SENDING} one only once its lease has ended). */
    static final String DUE = "('PENDING', 'RETRYING', 'SENDING')";
}
