package se.coop.api.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of a checkpoint, exactly as RFC 6962 §2.1 defines it: a leaf's hash is {@code SHA-256(0x00 ‖ data)},
 * an inner node's {@code SHA-256(0x01 ‖ left ‖ right)}, a tree of n leaves splits at the largest power of two below n,
 * and the empty tree's hash is {@code SHA-256()}. A checkpoint has one leaf per event stream ({@link #leaf}); the audit
 * path of a leaf ({@link #path}) and its check ({@link #verify}, RFC 9162 §2.1.3.2) prove that the stream's head was in
 * the signed tree. Shared by Coop and the offline verifier, so the two cannot disagree.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {}

    /**
     * A stream's leaf: {@code SHA-256(0x00 ‖ length ‖ aggregate id ‖ sequence ‖ chain hash)}, the length of the
     * aggregate id's UTF-8 bytes as a 4-byte big-endian integer, the sequence number of the stream's last event as 8
     * bytes big-endian, and that event's chain hash as its 32 bytes.
     */
    public static byte[] leaf(String aggregateId, long sequence, byte[] chainHash) {
        if (chainHash.length != 32) {
            throw new IllegalArgumentException("a chain hash has 32 bytes, not " + chainHash.length);
        }
        byte[] id = aggregateId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer data = ByteBuffer.allocate(1 + 4 + id.length + 8 + 32);
        data.put(LEAF).putInt(id.length).put(id).putLong(sequence).put(chainHash);
        return sha256(data.array());
    }

    /** The tree hash over the leaves' hashes, in their order. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256(new byte[0]);
        }
        return hash(leaves, 0, leaves.size());
    }

    /** The audit path of leaf {@code index} in the tree of {@code leaves}: the sibling hashes from the leaf upwards. */
    public static List<byte[]> path(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, index, 0, leaves.size(), path);
        return path;
    }

    /** Whether {@code path} leads from {@code leaf}, leaf {@code index} of a tree of {@code size}, to {@code root}. */
    public static boolean verify(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] hash = leaf;
        for (byte[] sibling : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                hash = node(sibling, hash);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                hash = node(hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(hash, root);
    }

    private static byte[] hash(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return node(hash(leaves, from, from + k), hash(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index < from + k) {
            path(leaves, index, from, from + k, path);
            path.add(hash(leaves, from + k, to));
        } else {
            path(leaves, index, from + k, to, path);
            path.add(hash(leaves, from, from + k));
        }
    }

    /** The largest power of two below {@code n} (n > 1). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update(NODE);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
