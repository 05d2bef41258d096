package se.coop.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an event stream's hash chain, shared by the writer (where events are appended) and the
 * verifier, so the two can never disagree.
 *
 * <p>{@code h(0)} is 64 zeros; {@code h(n)} is the SHA-256 over {@code h(n-1)}, the aggregate id, the sequence number
 * (in decimal), the payload type, its revision, the timestamp string, the payload bytes and the metadata bytes as
 * stored without the hash entry, each preceded by its length as a 4-byte big-endian integer (-1 for an absent value).
 * Metadata is stored in one canonical form: a JSON object of string values with its keys in ascending order, no
 * white space, UTF-8, and only {@code "}, {@code \} and control characters escaped. {@code h(n)} itself is stored in
 * the metadata under {@link #HASH_KEY}.
 */
public final class EventChain {

    /** The hash before the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);

    /** The metadata key that holds an event's chain hash. */
    public static final String HASH_KEY = "chainHash";

    private EventChain() {}

    /** Computes {@code h(n)} from {@code h(n-1)} and the n-th event as stored. */
    public static String link(
            String previousHash,
            String aggregateId,
            long sequenceNumber,
            String payloadType,
            String payloadRevision,
            String timestamp,
            byte[] payload,
            byte[] metadataWithoutHash) {
        MessageDigest digest = sha256();
        update(digest, utf8(previousHash));
        update(digest, utf8(aggregateId));
        update(digest, utf8(Long.toString(sequenceNumber)));
        update(digest, utf8(payloadType));
        update(digest, utf8(payloadRevision));
        update(digest, utf8(timestamp));
        update(digest, payload);
        update(digest, metadataWithoutHash);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The canonical metadata bytes without the hash entry: what {@link #link} hashes. */
    public static byte[] metadataWithoutHash(Map<String, ?> metadata) {
        Map<String, Object> sorted = new TreeMap<>(metadata);
        sorted.remove(HASH_KEY);
        return json(sorted);
    }

    /** The canonical metadata bytes as stored: the metadata with its hash entry. */
    public static byte[] metadataWithHash(Map<String, ?> metadata, String hash) {
        Map<String, Object> sorted = new TreeMap<>(metadata);
        sorted.put(HASH_KEY, hash);
        return json(sorted);
    }

    /**
     * Reads metadata stored in the canonical form back; empty when the bytes are not in that form (not a JSON object of
     * string values written as {@link #metadataWithHash} writes them), which breaks the chain where they are.
     */
    public static java.util.Optional<Map<String, String>> readMetadata(byte[] stored) {
        if (stored == null) {
            return java.util.Optional.empty();
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        Map<String, String> metadata = new TreeMap<>();
        int[] at = {0};
        try {
            expect(text, at, '{');
            if (text.charAt(at[0]) == '}') {
                at[0]++;
            } else {
                while (true) {
                    String key = string(text, at);
                    expect(text, at, ':');
                    metadata.put(key, string(text, at));
                    char next = text.charAt(at[0]++);
                    if (next == '}') {
                        break;
                    }
                    if (next != ',') {
                        return java.util.Optional.empty();
                    }
                }
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
        if (at[0] != text.length()) {
            return java.util.Optional.empty();
        }
        Map<String, Object> values = new TreeMap<>(metadata);
        return java.util.Arrays.equals(stored, json(values))
                ? java.util.Optional.of(metadata)
                : java.util.Optional.empty();
    }

    private static void expect(String text, int[] at, char wanted) {
        if (text.charAt(at[0]++) != wanted) {
            throw new IllegalArgumentException("expected " + wanted);
        }
    }

    private static String string(String text, int[] at) {
        expect(text, at, '"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = text.charAt(at[0]++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char escaped = text.charAt(at[0]++);
                if (escaped == 'u') {
                    value.append((char) Integer.parseInt(text.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                } else {
                    value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    /**
     * One pass over a stream as stored, oldest first: each event's stored hash must be the one {@link #link} computes
     * from its predecessor's, its sequence the next, its metadata in canonical form. Shared by Coop's verification and
     * the offline verifier.
     */
    public static final class Pass {
        private final String aggregateId;
        private String previous = GENESIS;
        private long expected = 0;
        private long count = 0;
        private Long brokenAt = null;

        public Pass(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        public void next(
                long sequence, String payloadType, String revision, String timestamp, byte[] payload, byte[] stored) {
            count++;
            if (brokenAt != null) {
                return;
            }
            Map<String, String> metadata = readMetadata(stored).orElse(null);
            String hash = metadata == null ? null : metadata.get(HASH_KEY);
            if (sequence != expected || metadata == null || hash == null) {
                brokenAt = Math.min(sequence, expected);
                return;
            }
            String computed = link(
                    previous,
                    aggregateId,
                    sequence,
                    payloadType,
                    revision,
                    timestamp,
                    payload,
                    metadataWithoutHash(metadata));
            if (!computed.equals(hash)) {
                brokenAt = sequence;
                return;
            }
            previous = hash;
            expected++;
        }

        /** Whether every event so far holds. */
        public boolean intact() {
            return brokenAt == null;
        }

        /** The first sequence that does not hold, or null. */
        public Long brokenAt() {
            return brokenAt;
        }

        /** The events handed to the pass. */
        public long events() {
            return count;
        }

        /** The hash of the last event that held (GENESIS before the first); the stream's head hash when intact. */
        public String head() {
            return previous;
        }
    }

    private static byte[] json(Map<String, Object> sorted) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, entry.getKey());
            out.append(':');
            quote(out, String.valueOf(entry.getValue()));
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        if (bytes == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
