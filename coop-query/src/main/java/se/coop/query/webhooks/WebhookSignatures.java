package se.coop.query.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks' signature scheme {@code v1}: HMAC-SHA256, keyed with the subscription's secret (the bytes after
 * {@code whsec_}, base64), over {@code webhook-id}, {@code webhook-timestamp} and the body joined by dots; sent as
 * {@code webhook-signature: v1,<base64>}. docs/integration.md shows a receiver checking it, with a test vector.
 */
public final class WebhookSignatures {

    public static final String PREFIX = "whsec_";

    private WebhookSignatures() {}

    /** The {@code webhook-signature} header's value for one delivery. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
