package se.coop.api.proof;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checkpoint of every event stream in the store: when it was taken, the store's high-water mark (the global index of
 * the last event it saw), how many streams and events it covers, the Merkle root over the streams' heads
 * ({@link MerkleTree}, hex), the id of the key that signed it, and the Ed25519 signature (base64) over the RFC 8785
 * canonical JSON of every other field ({@link #signedBytes}). Self-contained: with the public key of {@code keyId}
 * anyone can check it, without Coop.
 */
public record Checkpoint(
        String format,
        String checkpointId,
        String takenAt,
        long highWaterMark,
        long streams,
        long events,
        String root,
        String keyId,
        String signature) {

    /** The format of checkpoints this version of Coop writes and reads. */
    public static final String FORMAT = "coop-checkpoint/1";

    /** An unsigned checkpoint, for {@link #signedWith}. */
    public static Checkpoint unsigned(
            String checkpointId,
            String takenAt,
            long highWaterMark,
            long streams,
            long events,
            byte[] root,
            String keyId) {
        return new Checkpoint(
                FORMAT,
                checkpointId,
                takenAt,
                highWaterMark,
                streams,
                events,
                HexFormat.of().formatHex(root),
                keyId,
                null);
    }

    /** Every field but the signature, as signed. */
    public Map<String, Object> signedFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", format);
        fields.put("checkpointId", checkpointId);
        fields.put("takenAt", takenAt);
        fields.put("highWaterMark", highWaterMark);
        fields.put("streams", streams);
        fields.put("events", events);
        fields.put("root", root);
        fields.put("keyId", keyId);
        return fields;
    }

    /** The bytes the signature is over: the canonical JSON (RFC 8785) of {@link #signedFields}. */
    public byte[] signedBytes() {
        return CanonicalJson.bytes(signedFields());
    }

    public Checkpoint signedWith(PrivateKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(signedBytes());
            String signed = Base64.getEncoder().encodeToString(ed25519.sign());
            return new Checkpoint(format, checkpointId, takenAt, highWaterMark, streams, events, root, keyId, signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the checkpoint with an Ed25519 key", e);
        }
    }

    /** Whether the signature is {@code key}'s over these fields. */
    public boolean signatureHolds(PublicKey key) {
        if (signature == null) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signedBytes());
            byte[] signed = Base64.getDecoder().decode(signature);
            // one text per signature: base64 whose unused bits were changed decodes alike, and is refused
            return Base64.getEncoder().encodeToString(signed).equals(signature) && ed25519.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
