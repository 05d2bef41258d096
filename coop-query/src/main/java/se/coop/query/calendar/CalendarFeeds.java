package se.coop.query.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;

/**
 * A reviewer's calendar feed is reached by a secret token, since calendar clients cannot log in. Only the token's
 * SHA-256 is stored, so the table does not give tokens away; a revoked token answers nothing.
 */
@Component
public class CalendarFeeds {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Contacts contacts;

    CalendarFeeds(JdbcTemplate jdbc, Clock clock, Contacts contacts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contacts = contacts;
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
    public String create(String reviewer) {
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
        return create(contact.toString(), null);
    }

    /** A new token for the feed of a party's meetings. */
    public String createForParty(String party) {
        return create(null, party);
    }

    private String create(String reviewer, String party) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO calendar_feed (token_sha256, reviewer, party_id, created_at) VALUES (?, ?, ?, ?)",
                hash(token),
                reviewer,
                party,
                Timestamp.from(clock.instant()));
        return token;
    }

    /** @return whether a live token was revoked */
    public boolean revoke(String token) {
        return jdbc.update(
                        "UPDATE calendar_feed SET revoked_at = ? WHERE token_sha256 = ? AND revoked_at IS NULL",
                        Timestamp.from(clock.instant()),
                        hash(token))
                > 0;
    }

    /** The reviewer or party a live token belongs to. */
    public Optional<Owner> owner(String token) {
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
