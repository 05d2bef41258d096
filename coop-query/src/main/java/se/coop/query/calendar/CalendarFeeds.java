package se.coop.query.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.query.Allowances;
import se.coop.query.readmodel.KnownParties;

/**
 * A reviewer's calendar feed is reached by a secret token, since calendar clients cannot log in. Only the token's
 * SHA-256 is stored, so the table does not give tokens away; a revoked token answers nothing. Each feed also has an
 * id of its own, who made it and when it was last read, so that a secretariat or an operator can list the feeds and
 * revoke any without knowing its token. A party's feed is made only for a party that exists (in the party register,
 * or named by an agreement); one user makes at most {@link #BURST} feeds at once, then one a minute.
 */
@Component
public class CalendarFeeds {

    static final int BURST = 20;
    static final Duration ONE_MORE_EVERY = Duration.ofMinutes(1);

    /** A feed as listed: never its token. */
    public record Listed(
            UUID feedId,
            String reviewer,
            String reviewerContactId,
            String party,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Contacts contacts;
    private final KnownParties parties;
    /** Each user's allowance of new feeds. */
    private final Allowances allowances;

    CalendarFeeds(JdbcTemplate jdbc, Clock clock, Contacts contacts, KnownParties parties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contacts = contacts;
        this.parties = parties;
        this.allowances = new Allowances(BURST, ONE_MORE_EVERY, clock);
    }

    private void allow(String createdBy) {
        long wait = allowances.take(createdBy);
        if (wait > 0) {
            throw new CoopProblem(
                    ErrorCode.TOO_MANY_REQUESTS,
                    "You have made " + BURST + " calendar feeds in a short while; the next can be made in " + wait
                            + " s.",
                    null,
                    wait);
        }
    }

    /**
     * Whose meetings a feed shows: a reviewer's (by contact id; a feed made before the contact register, by address)
     * or a party's.
     */
    public record Owner(String reviewer, String party) {}

    /**
     * A new token for the feed of the reviewer with this address, kept by contact: the live contact holding it, or —
     * for a reviewer named only by events written before the contact register — one registered now. An address no
     * meeting names is refused (404), so a feed never puts an address in the register, nor an erased one back.
     */
    public String create(String reviewer, String createdBy) {
        String lowered = Contact.key(reviewer);
        ContactId contact = contacts.find(reviewer)
                .map(Contact::contactId)
                .orElseGet(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                                "SELECT EXISTS (SELECT 1 FROM review_meeting WHERE reviewer_emails @> ARRAY[?]::text[])",
                                Boolean.class,
                                lowered))
                        ? contacts.register(reviewer)
                        : null);
        if (contact == null) {
            throw new CoopProblem(
                    ErrorCode.CONTACT_NOT_FOUND,
                    "No meeting names a reviewer with this address: a reviewer's feed is made once a meeting names"
                            + " them.",
                    "reviewer");
        }
        return create(contact.toString(), null, createdBy);
    }

    /**
     * A new token for the feed of a party's meetings: a party of the party register, or one an agreement names (404
     * PARTY_NOT_FOUND for any other).
     */
    public String createForParty(String party, String createdBy) {
        parties.require(party, "party");
        return create(null, party, createdBy);
    }

    private String create(String reviewer, String party, String createdBy) {
        allow(createdBy);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO calendar_feed (token_sha256, reviewer, party_id, created_at, created_by)"
                        + " VALUES (?, ?, ?, ?, ?)",
                hash(token),
                reviewer,
                party,
                Timestamp.from(clock.instant()),
                createdBy);
        return token;
    }

    /** Every feed, newest first (live ones only unless {@code revoked}); never a token. */
    public List<Listed> list(boolean revoked) {
        return jdbc.query(
                "SELECT feed_id, reviewer, party_id, created_by, created_at, last_used_at, revoked_at FROM calendar_feed"
                        + (revoked ? "" : " WHERE revoked_at IS NULL")
                        + " ORDER BY created_at DESC, feed_id",
                (rs, row) -> {
                    String reviewer = rs.getString("reviewer");
                    boolean byContact = reviewer != null && ContactId.inKey(reviewer) != null;
                    return new Listed(
                            rs.getObject("feed_id", UUID.class),
                            reviewer == null ? null : contacts.shown(reviewer),
                            byContact ? reviewer : null,
                            rs.getString("party_id"),
                            rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(),
                            instant(rs.getTimestamp("last_used_at")),
                            instant(rs.getTimestamp("revoked_at")));
                });
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** @return whether the live feed with this id was revoked */
    public boolean revoke(UUID feedId) {
        return jdbc.update(
                        "UPDATE calendar_feed SET revoked_at = ? WHERE feed_id = ? AND revoked_at IS NULL",
                        Timestamp.from(clock.instant()),
                        feedId)
                > 0;
    }

    /** @return whether a live token was revoked */
    public boolean revoke(String token) {
        return jdbc.update(
                        "UPDATE calendar_feed SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL",
                        Timestamp.from(clock.instant()),
                        hash(token))
                > 0;
    }

    /** The reviewer or party a live token belongs to; its last use is kept (to the minute). */
    public Optional<Owner> owner(String token) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE calendar_feed SET last_used_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)",
                now,
                hash(token),
                Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))));
        return jdbc
                .query(
                        "SELECT reviewer, party_id FROM calendar_feed WHERE token_sha256 = ? AND revoked_at IS NULL",
                        (rs, row) -> new Owner(rs.getString("reviewer"), rs.getString("party_id")),
                        hash(token))
                .stream()
                .findFirst();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
