package se.coop.query.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Coop's own Ed25519 key for Standard Webhooks' {@code v1a} signatures: made once (by whichever node needs it first),
 * kept in {@code webhook_key}, never the checkpoints' key. Its public half, in Standard Webhooks' {@code whpk_} form
 * (the raw 32 bytes in base64), is published for receivers.
 */
@Component
public class WebhookKey {

    public static final String PUBLIC_PREFIX = "whpk_";
    private static final String ID = "v1a";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile KeyPair pair;

    WebhookKey(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The public key receivers check {@code v1a} signatures with: {@code whpk_} and its raw 32 bytes in base64. */
    public String publicKey() {
        byte[] encoded = pair().getPublic().getEncoded();
        // the X.509 form ends with the raw key
        return PUBLIC_PREFIX
                + Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** The {@code webhook-signature} value for one delivery: {@code v1a,} and the Ed25519 signature in base64. */
    String sign(String id, long timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(pair().getPrivate());
            signature.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return "v1a," + Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private KeyPair pair() {
        KeyPair known = pair;
        if (known == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = loadOrMake();
                }
                known = pair;
            }
        }
        return known;
    }

    private KeyPair loadOrMake() {
        try {
            List<KeyPair> stored = load();
            if (stored.isEmpty()) {
                KeyPair made = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                jdbc.update(
                        "INSERT INTO webhook_key (key_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT DO NOTHING",
                        ID,
                        made.getPublic().getEncoded(),
                        made.getPrivate().getEncoded(),
                        Timestamp.from(clock.instant()));
                // another node may have made it first: the stored one is the key
                stored = load();
            }
            return stored.get(0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private List<KeyPair> load() {
        return jdbc.query(
                "SELECT public_key, private_key FROM webhook_key WHERE key_id = ?",
                (rs, n) -> {
                    try {
                        KeyFactory keys = KeyFactory.getInstance("Ed25519");
                        PrivateKey privateKey =
                                keys.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes("private_key")));
                        return new KeyPair(
                                keys.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key"))), privateKey);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("the webhook key cannot be read", e);
                    }
                },
                ID);
    }
}
