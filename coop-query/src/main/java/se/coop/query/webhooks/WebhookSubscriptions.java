package se.coop.query.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/**
 * The webhook subscriptions: made by a secretariat (which then sees and manages those of its own parties) or an
 * operator (who sees and manages every one). A subscription's secret is made here and shown once, as it is made.
 */
@Component
public class WebhookSubscriptions {

    /** Who asks: an operator sees every subscription, anyone else those made by them or by their parties. */
    public record Reader(String name, boolean operator, List<String> parties) {

        boolean sees(Subscription subscription) {
            return operator
                    || subscription.createdBy().equals(name)
                    || subscription.ownerParties().stream().anyMatch(parties::contains);
        }
    }

    /** A subscription as the API shows it; {@code secret} only in the answer that made it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(
            UUID subscriptionId,
            String url,
            List<String> types,
            String partyId,
            String description,
            String scheme,
            String state,
            String stateReason,
            Instant stateSince,
            String createdBy,
            List<String> ownerParties,
            Instant createdAt,
            long fromPosition,
            Instant previousSecretUntil,
            String notifyEmail,
            Instant ownerToldAt,
            String secret) {

        Subscription withSecret(String secret) {
            return new Subscription(
                    subscriptionId,
                    url,
                    types,
                    partyId,
                    description,
                    scheme,
                    state,
                    stateReason,
                    stateSince,
                    createdBy,
                    ownerParties,
                    createdAt,
                    fromPosition,
                    previousSecretUntil,
                    notifyEmail,
                    ownerToldAt,
                    secret);
        }

        /** Whether an event of this type and agreement goes to this subscription. */
        boolean wants(String eventType, List<String> agreementParties) {
            return (types == null || types.contains(eventType))
                    && (partyId == null || agreementParties.contains(partyId));
        }
    }

    public static final String ACTIVE = "ACTIVE";
    public static final String V1 = "v1";
    public static final String V1A = "v1a";
    public static final String DISABLED = "DISABLED";
    public static final String SUSPENDED = "SUSPENDED";

    private static final String COLUMNS =
            "subscription_id, url, types, party_id, description, scheme, state, state_reason,"
                    + " state_since, created_by, owner_parties, created_at, from_position, previous_secret_until, secret,"
                    + " notify_email, owner_told_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookSubscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes a subscription for the events stored from now on; answers it with its secret (Standard Webhooks'
     * {@code whsec_} and 32 random bytes in base64), which is never shown again.
     */
    @Transactional
    public Subscription create(
            String url,
            List<String> types,
            String partyId,
            String description,
            String scheme,
            String by,
            List<String> parties,
            String notifyEmail) {
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO webhook_subscription (subscription_id, url, types, party_id, description, secret, state,"
                        + " state_since, created_by, owner_parties, created_at, scheme, notify_email, from_position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?,"
                        + " (SELECT COALESCE(max(global_index), 0) FROM domain_event_entry))",
                insert -> {
                    insert.setObject(1, id);
                    insert.setString(2, url);
                    insert.setArray(
                            3, types == null ? null : insert.getConnection().createArrayOf("text", types.toArray()));
                    insert.setString(4, partyId);
                    insert.setString(5, description);
                    insert.setString(6, secret);
                    insert.setTimestamp(7, now);
                    insert.setString(8, by);
                    insert.setArray(9, insert.getConnection().createArrayOf("text", parties.toArray()));
                    insert.setTimestamp(10, now);
                    insert.setString(11, scheme);
                    insert.setString(12, notifyEmail);
                });
        // a v1a subscription is signed with Coop's key: its secret is never used, and never shown
        return V1A.equals(scheme)
                ? find(id).orElseThrow()
                : find(id).orElseThrow().withSecret(secret);
    }

    Optional<Subscription> find(UUID id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM webhook_subscription WHERE subscription_id = ?",
                        WebhookSubscriptions::row,
                        id)
                .stream()
                .findFirst();
    }

    /** The subscription, if the reader sees it; 404 otherwise (as if it were not there). */
    public Subscription get(UUID id, Reader reader) {
        return find(id).filter(reader::sees)
                .orElseThrow(() -> new CoopProblem(ErrorCode.NOT_FOUND, "There is no such webhook subscription."));
    }

    /** The subscriptions the reader sees, newest first. */
    public List<Subscription> list(Reader reader) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at DESC, subscription_id",
                        WebhookSubscriptions::row)
                .stream()
                .filter(reader::sees)
                .toList();
    }

    /** Every active subscription: the outbox asks which want an event. */
    List<Subscription> active() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM webhook_subscription WHERE state = 'ACTIVE'", WebhookSubscriptions::row);
    }

    /** Removes a subscription the reader sees, and its deliveries. */
    public void delete(UUID id, Reader reader) {
        get(id, reader);
        jdbc.update("DELETE FROM webhook_subscription WHERE subscription_id = ?", id);
    }

    /** Notes that the subscription's owner was told, by e-mail, that it is suspended. */
    void ownerTold(UUID id) {
        jdbc.update(
                "UPDATE webhook_subscription SET owner_told_at = ? WHERE subscription_id = ?",
                Timestamp.from(clock.instant()),
                id);
    }

    /** Makes a disabled or suspended subscription active again (its owner asked for its events again). */
    void resume(UUID id) {
        jdbc.update(
                "UPDATE webhook_subscription SET state = 'ACTIVE', state_reason = NULL, owner_told_at = NULL,"
                        + " state_since = ?"
                        + " WHERE subscription_id = ? AND state <> 'ACTIVE'",
                Timestamp.from(clock.instant()),
                id);
    }

    /** Marks the subscription DISABLED or SUSPENDED (from ACTIVE only), with the reason; answers whether it changed. */
    boolean stop(UUID id, String state, String reason) {
        return jdbc.update(
                        "UPDATE webhook_subscription SET state = ?, state_reason = ?, state_since = ?"
                                + " WHERE subscription_id = ? AND state = 'ACTIVE'",
                        state,
                        reason,
                        Timestamp.from(clock.instant()),
                        id)
                == 1;
    }

    private String newSecret() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return WebhookSignatures.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Gives a subscription the reader sees a new secret, answered once with it; deliveries are signed with the new
     * and the old one alike for {@code overlap}, so that the receiver can take the new one in meanwhile.
     */
    @Transactional
    public Subscription rotate(UUID id, Reader reader, java.time.Duration overlap) {
        if (V1A.equals(get(id, reader).scheme())) {
            throw new CoopProblem(
                    ErrorCode.WRONG_STATE,
                    "This subscription is signed with Coop's Ed25519 key (v1a): it has no secret to replace.");
        }
        String secret = newSecret();
        jdbc.update(
                "UPDATE webhook_subscription SET previous_secret = secret, previous_secret_until = ?, secret = ?"
                        + " WHERE subscription_id = ?",
                Timestamp.from(clock.instant().plus(overlap)),
                secret,
                id);
        return find(id).orElseThrow().withSecret(secret);
    }

    /** How a subscription's deliveries are signed now: its scheme, and for v1 the secrets (two while they overlap). */
    record Signing(String scheme, List<String> secrets) {}

    /** The secrets deliveries are signed with now: the current one, and the one before it while their overlap lasts. */
    Signing signing(UUID id) {
        return jdbc
                .query(
                        "SELECT scheme, secret, previous_secret, previous_secret_until FROM webhook_subscription"
                                + " WHERE subscription_id = ?",
                        (rs, n) -> {
                            Timestamp until = rs.getTimestamp("previous_secret_until");
                            return new Signing(
                                    rs.getString("scheme"),
                                    until != null && until.toInstant().isAfter(clock.instant())
                                            ? List.of(rs.getString("secret"), rs.getString("previous_secret"))
                                            : List.of(rs.getString("secret")));
                        },
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no subscription " + id));
    }

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(
                rs.getObject("subscription_id", UUID.class),
                rs.getString("url"),
                texts(rs.getArray("types")),
                rs.getString("party_id"),
                rs.getString("description"),
                rs.getString("scheme"),
                rs.getString("state"),
                rs.getString("state_reason"),
                rs.getTimestamp("state_since").toInstant(),
                rs.getString("created_by"),
                texts(rs.getArray("owner_parties")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getLong("from_position"),
                rs.getTimestamp("previous_secret_until") == null
                        ? null
                        : rs.getTimestamp("previous_secret_until").toInstant(),
                rs.getString("notify_email"),
                rs.getTimestamp("owner_told_at") == null
                        ? null
                        : rs.getTimestamp("owner_told_at").toInstant(),
                null);
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
