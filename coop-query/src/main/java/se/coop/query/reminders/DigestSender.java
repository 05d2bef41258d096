package se.coop.query.reminders;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.query.QueryNode;

/**
 * Sends each recipient one digest a day with every reminder due for them ({@link DigestText}), by e-mail when an SMTP
 * server is configured ({@code spring.mail.host}); else the digest is kept and logged. Each digest is claimed in the
 * delivery ledger with a lease, sent with no transaction, lock or database connection held (a mail server that hangs
 * holds nothing of Coop's but this poller's thread, until its timeouts, {@code spring.mail.properties.mail.smtp.*}),
 * and marked sent or failed; a failed send is retried with growing pauses and shown on the reminder (RETRYING, then
 * FAILED), never silently dropped. Every node may poll: a claimed digest is another node's to send until its lease
 * ends ({@link DeliveryLedger}).
 */
@QueryNode
@Component
public class DigestSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    private final DeliveryLedger ledger;
    private final DigestText texts;
    private final Clock clock;
    private final ReminderSettings settings;
    private final ObjectProvider<JavaMailSender> mail;
    private final Contacts contacts;
    private ScheduledExecutorService poller;

    DigestSender(
            DeliveryLedger ledger,
            DigestText texts,
            Clock clock,
            ReminderSettings settings,
            ObjectProvider<JavaMailSender> mail,
            Contacts contacts) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.texts = texts;
        this.clock = clock;
        this.settings = settings;
        this.mail = mail;
    }

    /** Sends every digest that is due now. */
    public void sendDue() {
        Instant now = clock.instant();
        for (String recipient : ledger.recipientsDue(now)) {
            ledger.claim(recipient, now, settings.sendLease(), settings.digestTime())
                    .ifPresent(claim -> send(claim, now));
        }
    }

    private void send(DeliveryLedger.Claim claim, Instant now) {
        DeliveryLedger.Item first = claim.items().get(0);
        // the address as the contact register holds it now (a row of an event written before the register holds
        // its own); logged by contact id or name, never by address
        String address = first.recipient();
        String who = first.recipientName();
        ContactId contact = ContactId.inKey(claim.recipientKey());
        if (contact != null) {
            Contact held = contacts.get(List.of(contact)).get(contact);
            who = "contact " + contact;
            if (held == null || held.erased()) {
                log.info("Reminder digest for {} not sent: the contact was erased", who);
                ledger.sent(claim, DeliveryState.ERASED, now);
                return;
            }
            address = held.email();
        }
        String text = texts.text(claim.items(), claim.day());
        JavaMailSender sender = mail.getIfAvailable();
        DeliveryState delivery;
        try {
            if (sender != null && address != null) {
                MimeMessage message = message(sender, claim.digestId());
                MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(address);
                helper.setSubject(DigestText.subject(claim.items().size()));
                helper.setText(text);
                sender.send(message);
                delivery = DeliveryState.DELIVERED;
            } else {
                log.info(
                        "Reminder digest for {} kept, {}:\n{}",
                        who,
                        sender == null ? "no SMTP server is configured" : "there is no e-mail address",
                        text);
                delivery = DeliveryState.LOGGED;
            }
        } catch (MailException | MessagingException e) {
            // a mail server's refusal may quote the address: kept and logged with the contact in its place
            String error = String.valueOf(e.getMessage());
            if (address != null) {
                error = Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(error)
                        .replaceAll(Matcher.quoteReplacement(who));
            }
            log.warn("Could not send the reminder digest to {}: {}", who, error);
            ledger.failed(claim, clock.instant(), error, settings.maxAttempts());
            return;
        }
        ledger.sent(claim, delivery, now);
    }

    /**
     * A message whose {@code Message-ID} is the digest's own, the same each time the digest is sent: a copy sent again
     * after a node died between sending and marking is one a mail client can recognise.
     */
    static MimeMessage message(JavaMailSender sender, String digestId) {
        if (!(sender instanceof JavaMailSenderImpl configured)) {
            return sender.createMimeMessage();
        }
        return new DigestMessage(configured.getSession(), "<" + digestId + "@reminders.coop>");
    }

    private static final class DigestMessage extends MimeMessage {
        private final String messageId;

        DigestMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
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
