package se.coop.query.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.Party;
import se.coop.api.event.AgreementEvent;
import se.coop.api.event.IntentDrafted;
import se.coop.query.QueryNode;
import se.coop.query.readmodel.EventPositions;

/**
 * Fills the webhook outbox: as the {@code webhooks} processor handles each stored event, a delivery row is written for
 * every active subscription that wants it, in the processor's own transaction — so an event is queued once per
 * subscription, never lost and never twice ({@code ON CONFLICT DO NOTHING} when a batch is handled again). What is
 * sent is made at delivery ({@link WebhookSender}). Never replayed: a reset would send every past event again; a
 * subscription asks for past events by redelivery instead.
 */
@QueryNode
@Component
@ProcessingGroup(WebhookOutbox.NAME)
@DisallowReplay
public class WebhookOutbox {

    public static final String NAME = "webhooks";

    /** Every event type a subscription may name: the simple names of the agreement's events. */
    public static final Set<String> TYPES = Arrays.stream(AgreementEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    private final JdbcTemplate jdbc;
    private final WebhookSubscriptions subscriptions;
    private final EventPositions positions;
    private final Clock clock;
    private final ObjectProvider<WebhookSender> sender;

    WebhookOutbox(
            JdbcTemplate jdbc,
            WebhookSubscriptions subscriptions,
            EventPositions positions,
            Clock clock,
            ObjectProvider<WebhookSender> sender) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.positions = positions;
        this.clock = clock;
    }

    @EventHandler
    void on(AgreementEvent event, DomainEventMessage<?> message) {
        String agreementId = event.agreementId().toString();
        if (event instanceof IntentDrafted drafted) {
            for (Party party : drafted.parties()) {
                jdbc.update(
                        "INSERT INTO webhook_agreement_party (agreement_id, party_id) VALUES (?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        agreementId,
                        party.partyId().value());
            }
        }
        List<WebhookSubscriptions.Subscription> active = active();
        if (active.isEmpty()) {
            return;
        }
        long position = positions.of(message);
        String type = event.getClass().getSimpleName();
        List<String> parties = jdbc.queryForList(
                "SELECT party_id FROM webhook_agreement_party WHERE agreement_id = ?", String.class, agreementId);
        Timestamp now = Timestamp.from(clock.instant());
        boolean queued = false;
        for (WebhookSubscriptions.Subscription subscription : active) {
            if (position > subscription.fromPosition() && subscription.wants(type, parties)) {
                enqueue(subscription.subscriptionId(), message.getIdentifier(), position, agreementId, type, now);
                queued = true;
            }
        }
        if (queued) {
            wakeSenderAfterCommit();
        }
    }

    /**
     * This node's sender looks for deliveries as soon as the batch that queued them is committed, not at its next
     * poll; other nodes' senders find them at theirs.
     */
    private void wakeSenderAfterCommit() {
        WebhookSender local = sender.getIfAvailable();
        if (local == null) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            local.wake();
            return;
        }
        var root = CurrentUnitOfWork.get().root();
        if (root.getOrComputeResource(WAKE, key -> Boolean.FALSE)) {
            return;
        }
        root.resources().put(WAKE, Boolean.TRUE);
        root.afterCommit(uow -> local.wake());
    }

    private static final String WAKE = WebhookOutbox.class.getName() + ".wake";

    /**
     * The active subscriptions, read once per batch of the processor: its events were all committed before the batch
     * began, so a subscription made since starts above every one of them and wants none.
     */
    private List<WebhookSubscriptions.Subscription> active() {
        if (!CurrentUnitOfWork.isStarted()) {
            return subscriptions.active();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(ACTIVE, key -> subscriptions.active());
    }

    private static final String ACTIVE = WebhookOutbox.class.getName() + ".active";

    /** One delivery of one event to one subscription, as its log shows it. */
    public record Delivery(
            String eventId,
            long position,
            String agreementId,
            String type,
            String state,
            int attempts,
            Instant createdAt,
            Instant firstAttemptAt,
            Instant lastAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    /** A subscription's delivery log, the latest event first: at most 100 events stored before {@code before}. */
    List<Delivery> log(java.util.UUID subscription, long before) {
        return jdbc.query(
                "SELECT * FROM webhook_delivery WHERE subscription_id = ? AND global_index < ?"
                        + " ORDER BY global_index DESC LIMIT 100",
                (rs, n) -> new Delivery(
                        rs.getString("event_id"),
                        rs.getLong("global_index"),
                        rs.getString("agreement_id"),
                        rs.getString("event_type"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("first_attempt_at")),
                        instant(rs.getTimestamp("last_attempt_at")),
                        (Integer) rs.getObject("last_status"),
                        rs.getString("last_error"),
                        "PENDING".equals(rs.getString("state")) ? instant(rs.getTimestamp("next_attempt_at")) : null,
                        instant(rs.getTimestamp("delivered_at"))),
                subscription,
                before);
    }

    /** Where an event of the subscription's delivery log was stored, if the log has it. */
    java.util.Optional<Long> positionOf(java.util.UUID subscription, String eventId) {
        return jdbc
                .queryForList(
                        "SELECT global_index FROM webhook_delivery WHERE subscription_id = ? AND event_id = ?",
                        Long.class,
                        subscription,
                        eventId)
                .stream()
                .findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The most events one redelivery queues. */
    public static final int MOST_REDELIVERED = 10_000;

    /**
     * Queues again, for one subscription, the events stored from {@code from} to {@code to} (positions, both included)
     * that it wants — those it was sent before as well as those stored before it was made — each under its own id
     * again, in order per agreement. Answers how many were queued.
     */
    int redeliver(WebhookSubscriptions.Subscription subscription, long from, long to) {
        Timestamp now = Timestamp.from(clock.instant());
        int[] queued = {0};
        jdbc.query(
                "SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.payload_type,"
                        + " ARRAY(SELECT p.party_id FROM webhook_agreement_party p"
                        + "  WHERE p.agreement_id = e.aggregate_identifier) AS parties"
                        + " FROM domain_event_entry e WHERE e.global_index BETWEEN ? AND ? ORDER BY e.global_index",
                rs -> {
                    String storedType = rs.getString("payload_type");
                    String type = storedType.substring(storedType.lastIndexOf('.') + 1);
                    List<String> parties =
                            Arrays.asList((String[]) rs.getArray("parties").getArray());
                    if (!storedType.startsWith("se.coop.api.event.")
                            || !TYPES.contains(type)
                            || !subscription.wants(type, parties)) {
                        return;
                    }
                    queued[0] += jdbc.update(
                            "INSERT INTO webhook_delivery (subscription_id, event_id, global_index, agreement_id,"
                                    + " event_type, state, created_at, next_attempt_at)"
                                    + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                                    + " ON CONFLICT (subscription_id, event_id) DO UPDATE SET state = 'PENDING',"
                                    + " next_attempt_at = EXCLUDED.next_attempt_at, first_attempt_at = NULL,"
                                    + " claimed_by = NULL, claimed_until = NULL"
                                    + " WHERE webhook_delivery.state <> 'PENDING'",
                            subscription.subscriptionId(),
                            rs.getString("event_identifier"),
                            rs.getLong("global_index"),
                            rs.getString("aggregate_identifier"),
                            type,
                            now,
                            now);
                },
                from,
                to);
        return queued[0];
    }

    /** Queues one event for one subscription (again: nothing happens when it is queued already). */
    void enqueue(
            java.util.UUID subscription,
            String eventId,
            long position,
            String agreementId,
            String type,
            Timestamp now) {
        jdbc.update(
                "INSERT INTO webhook_delivery (subscription_id, event_id, global_index, agreement_id, event_type, state,"
                        + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                subscription,
                eventId,
                position,
                agreementId,
                type,
                now,
                now);
    }
}
