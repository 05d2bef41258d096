package se.coop.command.audit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.EventChain;
import se.coop.api.Origin;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.CheckpointRecorded;
import se.coop.api.proof.MerkleTree;
import se.coop.api.proof.SigningKey;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes a checkpoint of every event stream in the store but the checkpoints' own: one leaf per stream for its last
 * event ({@link MerkleTree#leaf}), sorted by the aggregate id's UTF-8 bytes, their Merkle root, signed
 * ({@link Checkpoint}); kept with its leaves ({@code checkpoint}, {@code checkpoint_stream}) and appended as
 * {@link CheckpointRecorded} to the stream {@value #STREAM}, all in one transaction. The heads are read in one
 * statement, so the checkpoint is of one consistent state of the store; one checkpoint is taken at a time across
 * nodes (an advisory lock). Every node can take one (the daily checkpoint runs on whichever node db-scheduler gives it
 * to); the HTTP endpoint is a command node's.
 */
@Component
public class Checkpoints {

    /** The checkpoints' own stream. */
    public static final String STREAM = "coop-checkpoints";

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final String TYPE = "Checkpoints";
    /** "coopckpt" as a number: the advisory lock one checkpoint at a time is taken under. */
    private static final long LOCK = 0x636f6f70636b7074L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventStore eventStore;
    private final SigningKeySource keys;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    Checkpoints(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            EventStore eventStore,
            SigningKeySource keys,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.keys = keys;
        this.clock = clock;
    }

    /** One stream's head as the checkpoint records it. */
    record Head(String aggregateId, long sequence, byte[] chainHash, long position) {

        byte[] leaf() {
            return MerkleTree.leaf(aggregateId, sequence, chainHash);
        }
    }

    /** Takes a checkpoint now for {@code requestedBy}, signed with the installation's key; refused when there is none. */
    public Checkpoint take(String requestedBy) {
        return take(requestedBy, MetaData.with(Origin.ACTOR, requestedBy).and(Origin.ROLE, "OPERATOR"));
    }

    /** The daily checkpoint, by Coop itself; skipped, with a warning, where no key is configured. */
    public void takeDaily() {
        if (keys.current().isEmpty()) {
            // warned of once as Coop started (SigningKeyConfiguration), not again every night
            log.info("No daily checkpoint: no key to sign it with is configured (docs/audit.md)");
            return;
        }
        try {
            Checkpoint checkpoint = take(Origin.COOP.get(Origin.ACTOR).toString(), Origin.COOP);
            log.info("Daily checkpoint {} of {} streams taken", checkpoint.checkpointId(), checkpoint.streams());
        } catch (CoopProblem refused) {
            log.error("No daily checkpoint: {}", refused.getMessage());
        }
    }

    private Checkpoint take(String requestedBy, MetaData origin) {
        SigningKey key = keys.current()
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.SIGNING_KEY_MISSING,
                        "No key to sign checkpoints with is configured: set coop.checkpoints.key-file (a PEM file) or"
                                + " COOP_CHECKPOINTS_KEY (docs/audit.md)."));
        return transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
            List<Head> heads = heads();
            List<byte[]> leaves = new ArrayList<>(heads.size());
            long events = 0;
            long highWaterMark = 0;
            for (Head head : heads) {
                leaves.add(head.leaf());
                events += head.sequence() + 1;
                highWaterMark = Math.max(highWaterMark, head.position());
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Checkpoint checkpoint = Checkpoint.unsigned(
                            id.toString(),
                            now.toString(),
                            highWaterMark,
                            heads.size(),
                            events,
                            MerkleTree.root(leaves),
                            key.id())
                    .signedWith(key.privateKey());
            long sequence = append(checkpoint, origin);
            keep(id, sequence, now, requestedBy, checkpoint, heads);
            return checkpoint;
        });
    }

    /** Every stream's last event but the checkpoints' own, in one statement, sorted by the id's UTF-8 bytes. */
    private List<Head> heads() {
        List<Head> heads = jdbc.query(
                "SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, sequence_number, meta_data,"
                        + " global_index FROM domain_event_entry WHERE aggregate_identifier <> ?"
                        + " ORDER BY aggregate_identifier, sequence_number DESC",
                (row, n) -> new Head(
                        row.getString(1),
                        row.getLong(2),
                        chainHash(row.getString(1), row.getLong(2), row.getBytes(3)),
                        row.getLong(4)),
                STREAM);
        heads.sort((a, b) -> Arrays.compareUnsigned(utf8(a.aggregateId()), utf8(b.aggregateId())));
        return heads;
    }

    /**
     * The chain hash the head's metadata holds; 32 zero bytes where it holds none that can be read (a row altered or
     * written outside Coop), so the checkpoint still records the store as it is and a verification names the stream.
     */
    private byte[] chainHash(String aggregateId, long sequence, byte[] metadata) {
        try {
            String hash = json.readTree(metadata).path(EventChain.HASH_KEY).asString("");
            if (hash.length() == 64) {
                return HexFormat.of().parseHex(hash);
            }
        } catch (RuntimeException e) {
            // unreadable metadata: recorded as no hash
        }
        log.warn(
                "Event {} of {} holds no chain hash: the checkpoint records it as none (all zeros)",
                sequence,
                aggregateId);
        return new byte[32];
    }

    private void keep(
            UUID id, long sequence, Instant now, String requestedBy, Checkpoint checkpoint, List<Head> heads) {
        jdbc.update(
                "INSERT INTO checkpoint (checkpoint_id, sequence_number, taken_at, requested_by, document)"
                        + " VALUES (?, ?, ?, ?, ?)",
                id,
                sequence,
                java.sql.Timestamp.from(now),
                requestedBy,
                json.writeValueAsString(checkpoint));
        jdbc.execute(
                "INSERT INTO checkpoint_stream (checkpoint_id, leaf_index, aggregate_id, sequence_number, chain_hash)"
                        + " VALUES (?, ?, ?, ?, ?)",
                (PreparedStatement insert) -> {
                    for (int i = 0; i < heads.size(); i++) {
                        Head head = heads.get(i);
                        insert.setObject(1, id);
                        insert.setInt(2, i);
                        insert.setString(3, head.aggregateId());
                        insert.setLong(4, head.sequence());
                        insert.setBytes(5, head.chainHash());
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                });
    }

    /** Appends the checkpoint to its stream; returns its sequence number there. */
    private long append(Checkpoint checkpoint, MetaData origin) {
        Long last = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                STREAM);
        long sequence = last == null ? 0 : last + 1;
        Long kept = jdbc.queryForObject("SELECT max(sequence_number) FROM checkpoint", Long.class);
        if (kept != null && kept >= sequence) {
            throw new CoopProblem(
                    ErrorCode.CHECKPOINTS_CUT,
                    "The checkpoints' own stream ends at " + (sequence - 1) + ", but checkpoint " + kept
                            + " was kept: its newest events were removed. Verify the store against the checkpoints"
                            + " kept (docs/audit.md); no checkpoint is taken over a cut stream.");
        }
        eventStore.publish(
                new GenericDomainEventMessage<>(TYPE, STREAM, sequence, new CheckpointRecorded(checkpoint), origin));
        return sequence;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
