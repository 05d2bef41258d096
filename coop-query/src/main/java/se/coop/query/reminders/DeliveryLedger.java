package se.coop.query.reminders;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.BusinessTime;
import se.coop.query.QueryNode;

/**
 * The delivery ledger: which reminders wait for which recipient's digest, and how their delivery went. A digest is
 * claimed with a lease in a short transaction of its own ({@link #claim}), sent with no transaction, lock or
 * connection held, and then marked ({@link #sent}, {@link #failed}). A node that dies between sending and marking
 * leaves its reminders {@link DeliveryState#SENDING} until the lease ends; then the digest is claimed and sent again
 * — once more at most per lease, under the same {@code Message-ID}, so a mail client can drop the duplicate.
 */
@QueryNode
@Component
class DeliveryLedger {

    /** One reminder waiting to be delivered to one recipient. */
    record Item(
            String reminderId,
            String recipientKey,
            String recipient,
            String recipientName,
            String agreementId,
            String subject,
            int offsetDays,
            Instant dueAt,
            String location,
            String title,
            int attempts) {}

    /** A recipient's digest, claimed until {@code leaseUntil}: its id (stable for the same reminders on the same day). */
    record Claim(String digestId, String recipientKey, LocalDate day, List<Item> items, Instant leaseUntil) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DeliveryLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The recipients with reminders due now. */
    List<String> recipientsDue(Instant now) {
        return jdbc.queryForList(
                "SELECT DISTINCT recipient_key FROM reminder_delivery WHERE status IN " + DeliveryState.DUE
                        + " AND next_attempt_at <= ?",
                String.class,
                Timestamp.from(now));
    }

    /**
     * Claims the recipient's reminders due now for one digest, until {@code now + lease}; none when another node holds
     * them, or when the recipient had a digest today already (they then wait for tomorrow's, at {@code digestTime}).
     */
    Optional<Claim> claim(String recipientKey, Instant now, Duration lease, java.time.LocalTime digestTime) {
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        return transaction.execute(tx -> {
            List<Item> items = jdbc.query(
                    "SELECT reminder_id, recipient_key, recipient, recipient_name, agreement_id, subject, offset_days,"
                            + " due_at, location, title, attempts FROM reminder_delivery WHERE recipient_key = ?"
                            + " AND status IN " + DeliveryState.DUE + " AND next_attempt_at <= ?"
                            + " ORDER BY due_at, reminder_id FOR UPDATE SKIP LOCKED",
                    (rs, row) -> new Item(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getInt(7),
                            rs.getTimestamp(8).toInstant(),
                            rs.getString(9),
                            rs.getString(10),
                            rs.getInt(11)),
                    recipientKey,
                    Timestamp.from(now));
            if (items.isEmpty()) {
                return Optional.<Claim>empty();
            }
            Integer sentToday = jdbc.queryForObject(
                    "SELECT count(*) FROM reminder_digest WHERE recipient = ? AND digest_day = ?",
                    Integer.class,
                    recipientKey,
                    today);
            if (sentToday != null && sentToday > 0) {
                Instant tomorrow = today.plusDays(1)
                        .atTime(digestTime)
                        .atZone(BusinessTime.ZONE)
                        .toInstant();
                for (Item item : items) {
                    update(item, "next_attempt_at = ?", Timestamp.from(tomorrow));
                }
                return Optional.<Claim>empty();
            }
            Claim claim = new Claim(digestId(recipientKey, today, items), recipientKey, today, items, now.plus(lease));
            for (Item item : items) {
                update(
                        item,
                        "status = '" + DeliveryState.SENDING + "', next_attempt_at = ?, digest_id = ?",
                        Timestamp.from(claim.leaseUntil()),
                        claim.digestId());
            }
            return Optional.of(claim);
        });
    }

    /** The digest went out (or was kept and logged): recorded, and each of its reminders marked so. */
    void sent(Claim claim, DeliveryState delivery, Instant now) {
        transaction.executeWithoutResult(tx -> {
            jdbc.update(
                    "INSERT INTO reminder_digest (digest_id, recipient, digest_day, items, sent_at, delivery)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest_id) DO NOTHING",
                    claim.digestId(),
                    claim.recipientKey(),
                    claim.day(),
                    claim.items().size(),
                    Timestamp.from(now),
                    delivery.name());
            for (Item item : claim.items()) {
                jdbc.update(
                        "UPDATE reminder_delivery SET status = ?, delivered_at = ?, attempts = attempts + 1,"
                                + " last_error = NULL WHERE reminder_id = ? AND recipient_key = ? AND digest_id = ?"
                                + " AND status = '" + DeliveryState.SENDING + "'",
                        delivery.name(),
                        Timestamp.from(now),
                        item.reminderId(),
                        item.recipientKey(),
                        claim.digestId());
            }
        });
    }

    /** The digest could not be sent: each reminder is tried again after a growing pause, or given up. */
    void failed(Claim claim, Instant now, String error, int maxAttempts) {
        String kept = error.length() > 1000 ? error.substring(0, 1000) : error;
        transaction.executeWithoutResult(tx -> {
            for (Item item : claim.items()) {
                int attempts = item.attempts() + 1;
                boolean givenUp = attempts >= maxAttempts;
                Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
                jdbc.update(
                        "UPDATE reminder_delivery SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?"
                                + " WHERE reminder_id = ? AND recipient_key = ? AND digest_id = ? AND status = '"
                                + DeliveryState.SENDING + "'",
                        (givenUp ? DeliveryState.FAILED : DeliveryState.RETRYING).name(),
                        attempts,
                        kept,
                        Timestamp.from(now.plus(pause)),
                        item.reminderId(),
                        item.recipientKey(),
                        claim.digestId());
            }
        });
    }

    private void update(Item item, String set, Object... values) {
        Object[] arguments = new Object[values.length + 2];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = item.reminderId();
        arguments[values.length + 1] = item.recipientKey();
        jdbc.update("UPDATE reminder_delivery SET " + set + " WHERE reminder_id = ? AND recipient_key = ?", arguments);
    }

    /** The same recipient, day and reminders give the same id: a digest sent again is recognisably the same mail. */
    private static String digestId(String recipientKey, LocalDate day, List<Item> items) {
        StringBuilder key = new StringBuilder(recipientKey).append('\n').append(day);
        items.forEach(item -> key.append('\n').append(item.reminderId()));
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
