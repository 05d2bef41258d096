package se.coop.query.reminders;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.BusinessTime;
import se.coop.api.LocalizedText;
import se.coop.api.NodeRoles;
import se.coop.api.ReviewDecision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each recipient one digest a day with every reminder due for them: what agreement, what meeting when and
 * where, what the last review decided, and a link. By e-mail when an SMTP server is configured
 * ({@code spring.mail.host}); else the digest is kept and logged. A failed send is retried with growing pauses and
 * shown on the reminder (RETRYING, then FAILED), never silently dropped. One node at a time sends (an advisory lock).
 */
@ConditionalOnExpression(NodeRoles.QUERY)
@Component
public class DigestSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
    private static final DateTimeFormatter SV =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv"));
    private static final DateTimeFormatter SV_DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReminderSettings settings;
    private final ObjectProvider<JavaMailSender> mail;
    private final PublicAddress address;
    private final JsonMapper json = JsonMapper.builder().build();
    private ScheduledExecutorService poller;

    DigestSender(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            ReminderSettings settings,
            ObjectProvider<JavaMailSender> mail,
            PublicAddress address) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.mail = mail;
        this.address = address;
    }

    /** Sends every digest that is due now. */
    public void sendDue() {
        transaction.executeWithoutResult(tx -> {
            Boolean mine = jdbc.queryForObject(
                    "SELECT pg_try_advisory_xact_lock(hashtextextended('coop:reminder-digest', 0))", Boolean.class);
            if (!Boolean.TRUE.equals(mine)) {
                return;
            }
            Instant now = clock.instant();
            List<String> recipients = jdbc.queryForList(
                    "SELECT DISTINCT recipient_key FROM reminder_delivery"
                            + " WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?",
                    String.class,
                    Timestamp.from(now));
            recipients.forEach(recipient -> send(recipient, now));
        });
    }

    private void send(String recipientKey, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
        List<Item> items = jdbc.query(
                "SELECT reminder_id, recipient_key, recipient, recipient_name, agreement_id, subject, offset_days, due_at,"
                        + " location, title, attempts FROM reminder_delivery WHERE recipient_key = ?"
                        + " AND status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ? ORDER BY due_at, reminder_id",
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
        Integer sentToday = jdbc.queryForObject(
                "SELECT count(*) FROM reminder_digest WHERE recipient = ? AND digest_day = ?",
                Integer.class,
                recipientKey,
                today);
        if (sentToday != null && sentToday > 0) {
            Instant tomorrow = today.plusDays(1)
                    .atTime(settings.digestTime())
                    .atZone(BusinessTime.ZONE)
                    .toInstant();
            markWaiting(items, tomorrow);
            return;
        }
        String digestId = UUID.randomUUID().toString();
        String recipient = items.get(0).recipient();
        String text = text(items, today);
        JavaMailSender sender = mail.getIfAvailable();
        String delivery;
        try {
            if (sender != null && recipient != null) {
                var message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(recipient);
                helper.setSubject("Coop: " + items.size() + (items.size() == 1 ? " påminnelse" : " påminnelser") + " / "
                        + items.size() + (items.size() == 1 ? " reminder" : " reminders"));
                helper.setText(text);
                sender.send(message);
                delivery = "DELIVERED";
            } else {
                log.info(
                        "Reminder digest for {} kept, {}:\n{}",
                        recipient != null ? recipient : items.get(0).recipientName(),
                        sender == null ? "no SMTP server is configured" : "there is no e-mail address",
                        text);
                delivery = "LOGGED";
            }
        } catch (MailException | MessagingException e) {
            failed(items, now, e);
            return;
        }
        jdbc.update(
                "INSERT INTO reminder_digest (digest_id, recipient, digest_day, items, sent_at, delivery)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                digestId,
                recipientKey,
                today,
                items.size(),
                Timestamp.from(now),
                delivery);
        for (Item item : items) {
            jdbc.update(
                    "UPDATE reminder_delivery SET status = ?, delivered_at = ?, digest_id = ?, attempts = attempts + 1,"
                            + " last_error = NULL WHERE reminder_id = ? AND recipient_key = ?",
                    delivery,
                    Timestamp.from(now),
                    digestId,
                    item.reminderId(),
                    item.recipientKey());
        }
    }

    private void markWaiting(List<Item> items, Instant until) {
        for (Item item : items) {
            jdbc.update(
                    "UPDATE reminder_delivery SET next_attempt_at = ? WHERE reminder_id = ? AND recipient_key = ?",
                    Timestamp.from(until),
                    item.reminderId(),
                    item.recipientKey());
        }
    }

    private void failed(List<Item> items, Instant now, Exception e) {
        String error = String.valueOf(e.getMessage());
        log.warn("Could not send the reminder digest to {}: {}", items.get(0).recipient(), error);
        for (Item item : items) {
            int attempts = item.attempts() + 1;
            boolean givenUp = attempts >= settings.maxAttempts();
            Duration pause = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
            jdbc.update(
                    "UPDATE reminder_delivery SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?"
                            + " WHERE reminder_id = ? AND recipient_key = ?",
                    givenUp ? "FAILED" : "RETRYING",
                    attempts,
                    error.length() > 1000 ? error.substring(0, 1000) : error,
                    Timestamp.from(now.plus(pause)),
                    item.reminderId(),
                    item.recipientKey());
        }
    }

    /** The digest in Swedish, with the facts a reviewer needs for each reminder. */
    String text(List<Item> items, LocalDate today) {
        StringBuilder text = new StringBuilder();
        text.append("Hej ").append(items.get(0).recipientName()).append(",\n\n");
        text.append("här är dina påminnelser från Coop (your reminders from Coop):\n");
        int n = 0;
        for (Item item : items) {
            n++;
            text.append('\n')
                    .append(n)
                    .append(". ")
                    .append(agreementTitle(item.agreementId()))
                    .append('\n');
            ZoneId zone = BusinessTime.ZONE;
            OffsetDateTime due = OffsetDateTime.ofInstant(item.dueAt(), zone);
            switch (item.subject()) {
                case "MEETING" ->
                    text.append("   ")
                            .append(item.title() != null ? item.title() : "Möte / meeting")
                            .append(": ")
                            .append(SV.format(due))
                            .append(item.location() == null ? "" : ", " + item.location())
                            .append(inDays(today, due.toLocalDate()))
                            .append('\n');
                case "OVERDUE_REVIEW" ->
                    text.append("   Ingen årlig uppföljning är hållen eller planerad inom avtalets"
                                    + " intervall (förfallen sedan ")
                            .append(SV_DAY.format(due.minusDays(1)))
                            .append("). / The annual review is overdue.\n");
                default ->
                    text.append("   ")
                            .append(item.title() != null ? item.title() : "Årlig redovisning")
                            .append(": senast ")
                            .append(SV_DAY.format(due))
                            .append(" / due by ")
                            .append(due.toLocalDate())
                            .append('\n');
            }
            text.append("   Senast beslutat / last decided: ")
                    .append(lastDecision(item.agreementId()))
                    .append('\n');
            text.append("   ").append(address.agreementLink(item.agreementId())).append('\n');
        }
        text.append("\nCoop\n");
        return text.toString();
    }

    private static String inDays(LocalDate today, LocalDate day) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, day);
        if (days <= 0) {
            return " (i dag / today)";
        }
        return days == 1 ? " (i morgon / tomorrow)" : " (om " + days + " dagar / in " + days + " days)";
    }

    private String agreementTitle(String agreementId) {
        List<String> titles = jdbc.queryForList(
                "SELECT title FROM review_agreement WHERE agreement_id = ?", String.class, agreementId);
        return titles.isEmpty()
                ? agreementId
                : json.readValue(titles.get(0), LocalizedText.class).in("sv");
    }

    private String lastDecision(String agreementId) {
        List<String> decisions = jdbc.query(
                "SELECT held_on, outcome_summary, outcome_decision FROM review_meeting"
                        + " WHERE agreement_id = ? AND status = 'HELD' AND kind = 'ANNUAL_REVIEW'"
                        + " ORDER BY held_on DESC LIMIT 1",
                (rs, row) -> SV_DAY.format(rs.getDate(1).toLocalDate()) + ": " + rs.getString(2) + " ("
                        + decision(rs.getString(3)) + ")",
                agreementId);
        return decisions.isEmpty() ? "ingen uppföljning hållen ännu / no review held yet" : decisions.get(0);
    }

    private static String decision(String decision) {
        if (decision == null) {
            return "";
        }
        return switch (ReviewDecision.valueOf(decision)) {
            case CONTINUE -> "fortsätta / continue";
            case AMEND -> "ändra avtalet / amend";
            case TERMINATE -> "avsluta avtalet / terminate";
        };
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "coop-reminder-digest");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.digestPoll().toMillis();
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        log.warn("Could not send reminder digests: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
