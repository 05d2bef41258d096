package se.coop.query.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.query.NodeName;
import se.coop.query.QueryNode;

/**
 * Sends the outbox's deliveries, on every node with the query role, one node per delivery: a node claims the
 * deliveries that are due (row locks skipped by the others, and a claim that lapses if the node dies mid-send, when
 * another node sends it again under the same {@code webhook-id}). A delivery is due only when no earlier event of its
 * agreement is still pending for its subscription: one in flight per subscription and agreement, in the order the
 * events were stored — a receiver that fails holds back that agreement's later events for that subscription, and only
 * those. A 2xx answer delivers it; 410 disables the subscription; anything else (or no answer within the timeouts) is
 * tried again with exponential backoff and jitter until {@code coop.webhooks.give-up-after} (3 days) after the first
 * attempt, when the delivery fails and its subscription is suspended. At most {@code coop.webhooks.senders} deliveries
 * are in flight on a node; a slow receiver holds only its own.
 */
@QueryNode
@Component
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** How much of a receiver's answer is read and kept in the delivery log. */
    static final int ANSWER_KEPT = 1024;

    private record Due(
            UUID subscription, String eventId, long position, String url, int attempts, Instant firstAttempt) {}

    private final JdbcTemplate jdbc;
    private final WebhookSubscriptions subscriptions;
    private final WebhookEvents events;
    private final WebhookAddresses addresses;
    private final WebhookKey key;
    private final Clock clock;
    private final Duration poll;
    private final int senders;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration giveUpAfter;
    private final String node;
    private final Semaphore slots;
    private CloseableHttpClient client;
    private ScheduledExecutorService poller;
    private ExecutorService sending;
    private volatile boolean running;
    /** Whether a lookup asked for by {@link #wake} waits to run. */
    private final java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean();

    private final WebhookNotices notices;

    WebhookSender(
            JdbcTemplate jdbc,
            WebhookSubscriptions subscriptions,
            WebhookEvents events,
            WebhookAddresses addresses,
            WebhookKey key,
            Clock clock,
            @Value("${coop.webhooks.poll:1s}") Duration poll,
            @Value("${coop.webhooks.senders:16}") int senders,
            @Value("${coop.webhooks.connect-timeout:5s}") Duration connectTimeout,
            @Value("${coop.webhooks.read-timeout:10s}") Duration readTimeout,
            @Value("${coop.webhooks.first-retry:30s}") Duration firstRetry,
            @Value("${coop.webhooks.longest-retry:1h}") Duration longestRetry,
            @Value("${coop.webhooks.give-up-after:3d}") Duration giveUpAfter,
            NodeName node,
            WebhookNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.events = events;
        this.addresses = addresses;
        this.key = key;
        this.clock = clock;
        this.poll = poll;
        this.senders = senders;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.giveUpAfter = giveUpAfter;
        this.node = node.name();
        this.slots = new Semaphore(senders);
    }

    /**
     * Looks for deliveries due at once, not at the next poll: after the outbox committed a batch on this node, and after
     * each delivery (the agreement's next event may wait behind it). Lookups asked for while one is waiting are one.
     */
    void wake() {
        ScheduledExecutorService polling = poller;
        if (running && polling != null && woken.compareAndSet(false, true)) {
            try {
                polling.execute(() -> {
                    woken.set(false);
                    poll();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                woken.set(false);
            }
        }
    }

    private void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Could not look for webhook deliveries: {}", e.toString());
        }
    }

    /** Claims the deliveries now due, as many as there are free senders, and sends each. */
    void sendDue() {
        int free = slots.availablePermits();
        if (free == 0 || !running) {
            return;
        }
        for (Due due : claim(free)) {
            slots.acquireUninterruptibly();
            try {
                sending.execute(() -> {
                    try {
                        send(due);
                    } catch (RuntimeException e) {
                        log.warn("A webhook delivery of event {} failed unexpectedly", due.eventId(), e);
                    } finally {
                        slots.release();
                        wake();
                    }
                });
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
        }
    }

    private List<Due> claim(int max) {
        Instant now = clock.instant();
        Duration lease = connectTimeout.plus(readTimeout).plusSeconds(30);
        return jdbc.query(
                "UPDATE webhook_delivery d SET claimed_by = ?, claimed_until = ?"
                        + " FROM webhook_subscription s"
                        + " WHERE s.subscription_id = d.subscription_id AND (d.subscription_id, d.event_id) IN ("
                        + "  SELECT c.subscription_id, c.event_id FROM webhook_delivery c"
                        + "  JOIN webhook_subscription cs ON cs.subscription_id = c.subscription_id"
                        + "  WHERE c.state = 'PENDING' AND cs.state = 'ACTIVE' AND c.next_attempt_at <= ?"
                        + "  AND (c.claimed_until IS NULL OR c.claimed_until < ?)"
                        + "  AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = c.subscription_id"
                        + "   AND e.agreement_id = c.agreement_id AND e.state = 'PENDING' AND e.global_index < c.global_index)"
                        + "  ORDER BY c.next_attempt_at, c.global_index LIMIT ? FOR UPDATE OF c SKIP LOCKED)"
                        + " RETURNING d.subscription_id, d.event_id, d.global_index, s.url, d.attempts, d.first_attempt_at",
                (rs, n) -> new Due(
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("event_id"),
                        rs.getLong("global_index"),
                        rs.getString("url"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("first_attempt_at") == null
                                ? null
                                : rs.getTimestamp("first_attempt_at").toInstant()),
                node,
                Timestamp.from(now.plus(lease)),
                Timestamp.from(now),
                Timestamp.from(now),
                max);
    }

    /** A receiver's answer to one attempt: its status and the first kilobyte of its body. */
    public record Answer(int status, String body, long millis) {}

    /** One attempt: the CloudEvent made now, signed, posted; its outcome recorded. */
    void send(Due due) {
        Instant now = clock.instant();
        byte[] body;
        try {
            body = events.cloudEvent(due.position());
        } catch (RuntimeException e) {
            retry(due, now, null, "the event could not be read: " + e.getMessage());
            return;
        }
        try {
            Answer answer = post(due.url(), due.subscription(), due.eventId(), now, body);
            outcome(due, now, answer.status(), answer.body());
        } catch (IOException e) {
            retry(due, now, null, e instanceof WebhookAddresses.Refused ? e.getMessage() : e.toString());
        }
    }

    /**
     * Sends a ping — a signed CloudEvent of type {@code se.coop.webhook.ping} — to the subscription's endpoint now,
     * and answers what the receiver answered; nothing is recorded.
     */
    public Answer ping(WebhookSubscriptions.Subscription subscription) throws IOException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        return post(subscription.url(), subscription.subscriptionId(), id, now, events.ping(subscription, id, now));
    }

    /**
     * Posts {@code body} as one attempt, signed with the subscription's secrets: the whole attempt, connecting included,
     * is bounded, and no more than the first kilobyte of the answer's body is read.
     */
    private Answer post(String url, UUID subscription, String id, Instant now, byte[] body) throws IOException {
        long timestamp = now.getEpochSecond();
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        WebhookSubscriptions.Signing signing = subscriptions.signing(subscription);
        // v1a: Coop's Ed25519 key; v1: during a rotation's overlap, one signature with each secret, separated by a
        // space (Standard Webhooks)
        post.setHeader(
                "webhook-signature",
                WebhookSubscriptions.V1A.equals(signing.scheme())
                        ? key.sign(id, timestamp, body)
                        : String.join(
                                " ",
                                signing.secrets().stream()
                                        .map(secret -> WebhookSignatures.sign(secret, id, timestamp, body))
                                        .toList()));
        post.setEntity(
                new ByteArrayEntity(body, ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8)));
        // the whole attempt, not each read, is bounded: a receiver trickling its answer is cut off
        long started = System.nanoTime();
        ScheduledFuture<?> deadline =
                poller.schedule(post::cancel, connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            try {
                int status = response.getCode();
                String answer;
                try {
                    answer = head(response.getEntity());
                } catch (IOException e) {
                    // the status says what the receiver made of the delivery; its body is for the log alone
                    answer = "(the rest of the answer was not read: " + e + ")";
                }
                return new Answer(status, answer, (System.nanoTime() - started) / 1_000_000);
            } finally {
                // the rest of the answer is never read: the connection is dropped, not drained for reuse
                post.cancel();
                try {
                    response.close();
                } catch (IOException e) {
                    log.debug("Closing a webhook answer: {}", e.toString());
                }
            }
        } finally {
            deadline.cancel(false);
        }
    }

    /** The first {@link #ANSWER_KEPT} bytes of an answer, as text; the rest is never read. */
    private static String head(HttpEntity entity) throws IOException {
        if (entity == null) {
            return null;
        }
        // not closed here: closing the stream would read the rest of the answer to reuse the connection
        InputStream in = entity.getContent();
        byte[] kept = in.readNBytes(ANSWER_KEPT);
        return kept.length == 0 ? null : new String(kept, StandardCharsets.UTF_8);
    }

    private void outcome(Due due, Instant at, int status, String answer) {
        if (status >= 200 && status < 300) {
            jdbc.update(
                    "UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,"
                            + " first_attempt_at = COALESCE(first_attempt_at, ?), last_status = ?, last_error = NULL,"
                            + " delivered_at = ?, claimed_by = NULL, claimed_until = NULL"
                            + " WHERE subscription_id = ? AND event_id = ?",
                    Timestamp.from(at),
                    Timestamp.from(at),
                    status,
                    Timestamp.from(clock.instant()),
                    due.subscription(),
                    due.eventId());
        } else if (status == 410) {
            record(due, at, status, answer, at, "DROPPED");
            if (subscriptions.stop(
                    due.subscription(), WebhookSubscriptions.DISABLED, "The receiver answered 410 Gone.")) {
                log.warn("Webhook subscription {} disabled: its receiver answered 410 Gone", due.subscription());
            }
            // nothing more goes to it: what was queued for it is dropped
            jdbc.update(
                    "UPDATE webhook_delivery SET state = 'DROPPED', claimed_by = NULL, claimed_until = NULL"
                            + " WHERE subscription_id = ? AND state = 'PENDING'",
                    due.subscription());
        } else {
            retry(due, at, status, answer);
        }
    }

    private void retry(Due due, Instant at, Integer status, String error) {
        Instant first = due.firstAttempt() == null ? at : due.firstAttempt();
        if (!first.plus(giveUpAfter).isAfter(at)) {
            record(due, at, status, error, at, "FAILED");
            if (subscriptions.stop(
                    due.subscription(),
                    WebhookSubscriptions.SUSPENDED,
                    "Its deliveries failed for " + giveUpAfter.toHours() + " hours; the last: "
                            + (status == null ? error : status))) {
                log.warn(
                        "Webhook subscription {} suspended: its deliveries failed since {}", due.subscription(), first);
                notices.suspended(due.subscription(), Duration.between(first, at));
            }
            return;
        }
        record(due, at, status, error, at.plus(backoff(due.attempts() + 1)), "PENDING");
    }

    /** The wait before attempt {@code n + 1}: doubling from the first retry up to the longest, less up to a half at random. */
    Duration backoff(int attempts) {
        long full = firstRetry.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(full <= 0 ? Long.MAX_VALUE : full, longestRetry.toMillis());
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void record(Due due, Instant at, Integer status, String error, Instant next, String state) {
        jdbc.update(
                "UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, last_attempt_at = ?,"
                        + " first_attempt_at = COALESCE(first_attempt_at, ?), last_status = ?, last_error = ?,"
                        + " next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL"
                        + " WHERE subscription_id = ? AND event_id = ?",
                state,
                Timestamp.from(at),
                Timestamp.from(at),
                status,
                error == null ? null : error.substring(0, Math.min(error.length(), ANSWER_KEPT)),
                Timestamp.from(next),
                due.subscription(),
                due.eventId());
    }

    @Override
    public void start() {
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addresses.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .setMaxConnTotal(senders)
                .setMaxConnPerRoute(senders)
                .build();
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                // an answer is read only to its first kilobyte, as sent: nothing to decompress
                .disableContentCompression()
                .setUserAgent("Coop-Webhooks/1")
                .build();
        sending = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "coop-webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "coop-webhook-poller");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        poller.scheduleWithFixedDelay(this::poll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
        }
        if (sending != null) {
            sending.shutdown();
            try {
                sending.awaitTermination(readTimeout.toMillis() + connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                log.debug("Closing the webhook client: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
