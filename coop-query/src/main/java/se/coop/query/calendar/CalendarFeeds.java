package se.coop.query.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reviewer's calendar feed is reached by a secret token, since calendar clients cannot log in. Only the token's
 * SHA-256 is stored, so the table does not give tokens away; a revoked token answers nothing.
 */
@Component
public class CalendarFeeds {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the reviewer's feed. */
    public String create(String reviewer) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update(
                "INSERT INTO calendar_feed (token_sha256, reviewer, created_at) VALUES (?, ?, ?)",
                hash(token),
                reviewer.strip().toLowerCase(Locale.ROOT),
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

    /** The reviewer a live token belongs to. */
    public Optional<String> reviewer(String token) {
        List<String> reviewers = jdbc.queryForList(
                "SELECT reviewer FROM calendar_feed WHERE token_sha256 = ? AND revoked_at IS NULL",
                String.class,
                hash(token));
        return reviewers.stream().findFirst();
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
