package se.coop.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.MerkleTree;
import se.coop.api.proof.SigningKeys;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoints taken (coop-command's {@code Checkpoints}), each as the signed document it was issued as; the audit
 * path from one stream's leaf to a checkpoint's root; and every key checkpoints were signed with.
 */
@Component
public class CheckpointLog {

    private static final Logger log = LoggerFactory.getLogger(CheckpointLog.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    CheckpointLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A public key checkpoints were signed with, and when it was the installation's key (until null: still is). */
    public record PublishedKey(
            String keyId, String algorithm, String publicKey, Instant validFrom, Instant validUntil) {}

    /**
     * The audit path of one stream in a checkpoint: its leaf ({@link MerkleTree#leaf} of {@code aggregateId},
     * {@code sequence} and {@code chainHash}, the hash of its event at that sequence), the leaf's index among
     * {@code treeSize} leaves, and the sibling hashes from the leaf up to {@code root}, the checkpoint's signed root.
     */
    public record Proof(
            String checkpointId,
            String aggregateId,
            long sequence,
            String chainHash,
            String leaf,
            long leafIndex,
            long treeSize,
            List<String> path,
            String root) {}

    /** Every checkpoint, newest first. */
    public List<Checkpoint> all() {
        return jdbc.query(
                "SELECT document FROM checkpoint ORDER BY sequence_number DESC", (row, n) -> read(row.getString(1)));
    }

    public Optional<Checkpoint> find(UUID checkpointId) {
        return jdbc
                .query(
                        "SELECT document FROM checkpoint WHERE checkpoint_id = ?",
                        (row, n) -> read(row.getString(1)),
                        checkpointId)
                .stream()
                .findFirst();
    }

    /** The latest checkpoint that covers {@code aggregateId}'s stream, if one does. */
    public Optional<Checkpoint> latestCovering(String aggregateId) {
        return jdbc
                .query(
                        "SELECT c.document FROM checkpoint c JOIN checkpoint_stream s"
                                + " ON s.checkpoint_id = c.checkpoint_id WHERE s.aggregate_id = ?"
                                + " ORDER BY c.sequence_number DESC LIMIT 1",
                        (row, n) -> read(row.getString(1)),
                        aggregateId)
                .stream()
                .findFirst();
    }

    /** The proof of {@code aggregateId}'s head in {@code checkpoint}; empty when the checkpoint has no such stream. */
    public Optional<Proof> proof(Checkpoint checkpoint, String aggregateId) {
        List<byte[]> leaves = new ArrayList<>();
        long[] found = {-1, -1};
        byte[][] hash = {null};
        jdbc.query(
                "SELECT leaf_index, aggregate_id, sequence_number, chain_hash FROM checkpoint_stream"
                        + " WHERE checkpoint_id = ? ORDER BY leaf_index",
                row -> {
                    String id = row.getString(2);
                    long sequence = row.getLong(3);
                    byte[] chainHash = row.getBytes(4);
                    if (id.equals(aggregateId)) {
                        found[0] = row.getInt(1);
                        found[1] = sequence;
                        hash[0] = chainHash;
                    }
                    leaves.add(MerkleTree.leaf(id, sequence, chainHash));
                },
                UUID.fromString(checkpoint.checkpointId()));
        if (found[0] < 0) {
            return Optional.empty();
        }
        int index = (int) found[0];
        return Optional.of(new Proof(
                checkpoint.checkpointId(),
                aggregateId,
                found[1],
                HEX.formatHex(hash[0]),
                HEX.formatHex(leaves.get(index)),
                index,
                leaves.size(),
                MerkleTree.path(leaves, index).stream().map(HEX::formatHex).toList(),
                checkpoint.root()));
    }

    /**
     * Every key checkpoints were ever signed with, one entry per period it was in use, oldest first. A row whose public
     * key is not the one its id names (a key is its id: {@link SigningKeys#id}) is left out, and said so in the log.
     */
    public List<PublishedKey> keys() {
        List<PublishedKey> keys = jdbc.query(
                "SELECT key_id, public_key, valid_from, valid_until FROM signing_key ORDER BY valid_from, key_id",
                (row, n) -> new PublishedKey(
                        row.getString(1),
                        "Ed25519",
                        row.getString(2),
                        instant(row.getTimestamp(3)),
                        instant(row.getTimestamp(4))));
        return keys.stream().filter(CheckpointLog::isItsId).toList();
    }

    private static boolean isItsId(PublishedKey key) {
        try {
            if (SigningKeys.id(SigningKeys.readPublic(key.publicKey())).equals(key.keyId())) {
                return true;
            }
        } catch (IllegalArgumentException e) {
            // not a public key at all: left out below
        }
        log.warn("signing_key holds under {} a public key that is not that key: left out of the keys", key.keyId());
        return false;
    }

    private Checkpoint read(String document) {
        return json.readValue(document, Checkpoint.class);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
