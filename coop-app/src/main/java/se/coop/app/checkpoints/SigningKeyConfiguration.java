package se.coop.app.checkpoints;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.proof.SigningKey;
import se.coop.api.proof.SigningKeys;
import se.coop.app.start.StartRefused;
import se.coop.command.audit.SigningKeySource;

/**
 * The key checkpoints are signed with, settled once as Coop starts: the one configured ({@code coop.checkpoints.key-file},
 * a PEM file, or {@code coop.checkpoints.key}, the PEM text, e.g. from {@code COOP_CHECKPOINTS_KEY}; every node of one
 * installation configures the same), else on the zero-setup default the one generated on the first start and kept in
 * the database, else none (checkpoints are then refused). Every key used is listed in {@code signing_key} with its
 * validity: configuring another key ends the previous one's period, and checkpoints it signed stay checkable by it. A
 * configured key that cannot be read stops the start; a key is never generated where one was configured before.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);
    /** "coopkeys" as a number: nodes starting together settle the key one at a time. */
    private static final long LOCK = 0x636f6f706b657973L;

    @Bean
    SigningKeySource signingKeySource(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<EmbeddedPostgres> embedded,
            Clock clock,
            @Value("${coop.checkpoints.key-file:}") String keyFile,
            @Value("${coop.checkpoints.key:}") String keyText) {
        Optional<KeyPair> configured = configured(keyFile, keyText);
        boolean zeroSetup = embedded.getIfAvailable() != null;
        Optional<SigningKey> key =
                new TransactionTemplate(transactions).execute(status -> settle(jdbc, clock, configured, zeroSetup));
        return () -> key;
    }

    private static Optional<KeyPair> configured(String keyFile, String keyText) {
        if (!keyFile.isBlank()) {
            String pem;
            try {
                pem = Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                String why = e instanceof java.nio.file.NoSuchFileException
                        ? "there is no such file"
                        : e instanceof java.nio.file.AccessDeniedException ? "access is denied" : e.toString();
                throw new StartRefused(
                        "coop.checkpoints.key-file " + keyFile + " cannot be read: " + why + ".",
                        "Point it at a readable PEM file holding an Ed25519 private key (openssl genpkey -algorithm"
                                + " ed25519), or leave it unset.",
                        e);
            }
            return Optional.of(read(pem, "coop.checkpoints.key-file " + keyFile));
        }
        if (!keyText.isBlank()) {
            return Optional.of(read(keyText.replace("\\n", "\n"), "coop.checkpoints.key"));
        }
        return Optional.empty();
    }

    private static KeyPair read(String pem, String where) {
        try {
            return SigningKeys.of(SigningKeys.readPrivate(pem));
        } catch (IllegalArgumentException e) {
            throw new StartRefused(
                    where + " holds no Ed25519 private key: " + e.getMessage() + ".",
                    "Give a PEM PRIVATE KEY made by openssl genpkey -algorithm ed25519.",
                    e);
        }
    }

    private static Optional<SigningKey> settle(
            JdbcTemplate jdbc, Clock clock, Optional<KeyPair> configured, boolean zeroSetup) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
        List<Map<String, Object>> current =
                jdbc.queryForList("SELECT key_id, private_key FROM signing_key WHERE valid_until IS NULL");
        Timestamp now = Timestamp.from(clock.instant());
        if (configured.isPresent()) {
            KeyPair pair = configured.get();
            String id = SigningKeys.id(pair.getPublic());
            boolean known = current.stream().anyMatch(row -> id.equals(row.get("key_id")));
            if (!known) {
                // the key in use until now: its period ends, and a generated key's private half is no longer kept
                jdbc.update(
                        "UPDATE signing_key SET valid_until = ?, private_key = NULL WHERE valid_until IS NULL", now);
                jdbc.update(
                        "INSERT INTO signing_key (key_id, public_key, valid_from) VALUES (?, ?, ?)",
                        id,
                        SigningKeys.publicPem(pair.getPublic()),
                        now);
                if (!current.isEmpty()) {
                    log.info(
                            "Checkpoints are signed with the key {} from now on; earlier ones stay checkable by theirs."
                                    + " Every node of this installation must be restarted with it",
                            id);
                }
            }
            return Optional.of(new SigningKey(id, pair.getPrivate(), pair.getPublic()));
        }
        if (!current.isEmpty()) {
            Map<String, Object> row = current.get(0);
            Object privateKey = row.get("private_key");
            if (privateKey == null) {
                throw new StartRefused(
                        "Checkpoints were signed with the configured key " + row.get("key_id")
                                + ", and no key is configured now.",
                        "Configure that key again (coop.checkpoints.key-file or COOP_CHECKPOINTS_KEY), or a new one to"
                                + " rotate to; Coop does not make a new key over one that was configured.");
            }
            KeyPair pair = SigningKeys.of(SigningKeys.readPrivate(privateKey.toString()));
            if (!zeroSetup) {
                log.warn(
                        "Checkpoints are signed with the key {} that Coop generated and keeps in the database, where a"
                                + " database administrator can read it: configure a key of your own (docs/audit.md)",
                        row.get("key_id"));
            }
            return Optional.of(new SigningKey(row.get("key_id").toString(), pair.getPrivate(), pair.getPublic()));
        }
        if (!zeroSetup) {
            log.warn("No key to sign checkpoints with is configured: checkpoints are refused until"
                    + " coop.checkpoints.key-file or COOP_CHECKPOINTS_KEY names one (docs/audit.md)");
            return Optional.empty();
        }
        KeyPair pair = SigningKeys.generate();
        String id = SigningKeys.id(pair.getPublic());
        jdbc.update(
                "INSERT INTO signing_key (key_id, public_key, private_key, valid_from) VALUES (?, ?, ?, ?)",
                id,
                SigningKeys.publicPem(pair.getPublic()),
                SigningKeys.privatePem(pair.getPrivate()),
                now);
        log.warn(
                "Generated the key {} to sign checkpoints with and kept it in the database, where a database"
                        + " administrator can read it; configure a key of your own outside the database (docs/audit.md)",
                id);
        return Optional.of(new SigningKey(id, pair.getPrivate(), pair.getPublic()));
    }
}
