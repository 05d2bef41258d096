package se.coop.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first successful answer to each {@code Idempotency-Key}, kept per user in PostgreSQL so that a retry gets the
 * same answer also after a restart. Callers hold the key's lock and run in the command's transaction, so the answer
 * is stored if and only if the command's events are. A retry is the same request when its {@link #fingerprint} is.
 */
class IdempotencyStore {

    record StoredAnswer(String fingerprint, int status, CommandResponse body, String location) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The request as one hash — its method and path, and its body as JSON: a retry with the same key must be this. */
    static String fingerprint(String request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Serialises requests with the same key until the end of the current transaction. */
    void lock(String user, String key) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, "idempotency:" + user + ":" + key);
    }

    Optional<StoredAnswer> find(String user, String key) {
        List<StoredAnswer> answers = jdbc.query(
                "SELECT fingerprint, status, location, agreement_id, created_id, version, position"
                        + " FROM idempotent_request WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new StoredAnswer(
                        rs.getString("fingerprint"),
                        rs.getInt("status"),
                        new CommandResponse(
                                rs.getString("agreement_id"),
                                rs.getString("created_id"),
                                rs.getLong("version"),
                                rs.getLong("position")),
                        rs.getString("location")),
                user,
                key);
        return answers.stream().findFirst();
    }

    void remember(String user, String key, StoredAnswer answer) {
        CommandResponse body = answer.body();
        jdbc.update(
                "INSERT INTO idempotent_request (principal, idempotency_key, fingerprint, status, location,"
                        + " agreement_id, created_id, version, position, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user,
                key,
                answer.fingerprint(),
                answer.status(),
                answer.location(),
                body.agreementId(),
                body.id(),
                body.version(),
                body.position(),
                Timestamp.from(clock.instant()));
    }
}
