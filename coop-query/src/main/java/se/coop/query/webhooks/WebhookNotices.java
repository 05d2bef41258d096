package se.coop.query.webhooks;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import se.coop.query.QueryNode;
import se.coop.query.reminders.PublicAddress;
import se.coop.query.reminders.ReminderSettings;

/**
 * Tells a suspended subscription's owner — the address it names ({@code notifyEmail}: the maker's own, or one given) —
 * by e-mail, in Swedish with English beside it, as the reminders' digests are sent ({@code spring.mail.*}, from
 * {@code coop.reminders.from}). Sent once, when the subscription is suspended; {@code ownerToldAt} says when. Without an
 * SMTP server, or without an address, the notice is only logged, and the operator page lists the subscription either
 * way.
 */
@QueryNode
@Component
class WebhookNotices {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotices.class);

    private final WebhookSubscriptions subscriptions;
    private final ObjectProvider<JavaMailSender> mail;
    private final ReminderSettings settings;
    private final PublicAddress address;

    WebhookNotices(
            WebhookSubscriptions subscriptions,
            ObjectProvider<JavaMailSender> mail,
            ReminderSettings settings,
            PublicAddress address) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.settings = settings;
        this.address = address;
    }

    /** Sends the notices one at a time, not on a delivery's thread: a slow mail server holds no delivery slot. */
    private final java.util.concurrent.ExecutorService sending =
            java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "coop-webhook-notices");
                thread.setDaemon(true);
                return thread;
            });

    /** Tells the owner of {@code id}, just suspended after failing for {@code failingFor}, soon; never throws. */
    void suspended(UUID id, Duration failingFor) {
        try {
            sending.execute(() -> tell(id, failingFor));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            log.info("Webhook subscription {} suspended while Coop stops; its owner is not told", id);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sending.shutdown();
    }

    private void tell(UUID id, Duration failingFor) {
        WebhookSubscriptions.Subscription subscription = subscriptions.find(id).orElse(null);
        if (subscription == null) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (subscription.notifyEmail() == null || sender == null) {
            log.info(
                    "Webhook subscription {} suspended; its owner is not told by e-mail ({})",
                    id,
                    subscription.notifyEmail() == null ? "no address" : "no SMTP server configured");
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(subscription.notifyEmail());
            helper.setSubject("Coop: webhook-prenumerationen är avstängd / webhook subscription suspended");
            helper.setText(text(subscription, failingFor));
            sender.send(message);
            subscriptions.ownerTold(id);
        } catch (MessagingException | MailException e) {
            // logged by subscription, never by address; the operator page still lists it
            log.warn("Could not tell the owner of suspended webhook subscription {}: {}", id, e.getMessage());
        }
    }

    private String text(WebhookSubscriptions.Subscription subscription, Duration failingFor) {
        String page = address.base() + "/webhooks/" + subscription.subscriptionId();
        long hours = failingFor.toHours();
        return "Hej,\n\n"
                + "Coop har slutat skicka händelser till " + subscription.url() + ": mottagaren har inte tagit emot"
                + " någon på " + hours + " timmar (senast: " + subscription.stateReason() + ").\n"
                + "Händelserna finns kvar. Rätta mottagaren och skicka dem igen från sidan:\n"
                + page + "\n\n"
                + "Coop stopped sending events to " + subscription.url() + ": the receiver has taken none for " + hours
                + " hours (the last: " + subscription.stateReason() + ").\n"
                + "The events are kept. Mend the receiver and send them again from its page:\n"
                + page + "\n"
                + (subscription.description() == null ? "" : "\n" + subscription.description() + "\n");
    }
}
