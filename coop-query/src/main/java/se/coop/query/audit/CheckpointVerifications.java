package se.coop.query.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.proof.Checkpoint;
import se.coop.api.proof.MerkleTree;
import se.coop.api.proof.SigningKeys;
import se.coop.query.QueryNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies the event store against a checkpoint, in the background, with its progress kept in the database: whether
 * the checkpoint's signature holds (by the key of its {@code keyId}), whether the leaves Coop kept for it give its
 * signed root, whether it is recorded in the checkpoints' own chained stream, and for every stream it covered whether
 * the store still holds it as it was — missing altogether, shorter than at the checkpoint, or changed (its chain up to
 * the checkpoint's sequence broken, or leading to another hash than the checkpoint recorded). Intact only when every
 * one of these holds: a cut-off or deleted history is never intact.
 */
@QueryNode
@Component
public class CheckpointVerifications implements DisposableBean {

    /** A RUNNING verification whose progress has not moved for this long is shown as INTERRUPTED. */
    static final Duration STALE = Duration.ofMinutes(5);

    /** How often a running verification shows its progress, and so that it is running (well within STALE). */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** At most this many streams of each kind are listed; the counts are always whole. */
    static final int LISTED = 1000;

    private static final Logger log = LoggerFactory.getLogger(CheckpointVerifications.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final CheckpointLog checkpoints;
    private final ChainVerifier chains;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    /** Progress is written beside the read-only pass, in a transaction of its own. */
    private final TransactionTemplate progress;

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coop-checkpoint-verification");
        thread.setDaemon(true);
        return thread;
    });

    CheckpointVerifications(
            JdbcTemplate jdbc,
            CheckpointLog checkpoints,
            ChainVerifier chains,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.chains = chains;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stream the checkpoint covered that has no event left. */
    public record Missing(String aggregateId, long sequence) {}

    /** A stream whose events after {@code lastSequenceNow} up to the checkpoint's {@code sequence} are gone. */
    public record Shorter(String aggregateId, long sequence, long lastSequenceNow) {}

    /**
     * A stream whose events up to the checkpoint's {@code sequence} are no longer those it covered: the chain breaks at
     * {@code brokenAt}, or leads to {@code storeChainHash} where the checkpoint recorded {@code checkpointChainHash}.
     */
    public record Changed(
            String aggregateId, long sequence, Long brokenAt, String checkpointChainHash, String storeChainHash) {}

    /** What a verification found, {@code summary} in plain words. */
    public record Result(
            boolean intact,
            boolean signatureHolds,
            boolean rootHolds,
            boolean checkpointRecorded,
            long streams,
            long streamsMissingCount,
            long streamsShorterCount,
            long streamsChangedCount,
            List<Missing> streamsMissing,
            List<Shorter> streamsShorter,
            List<Changed> streamsChanged,
            String summary) {}

    /** A verification: RUNNING ({@code done} of {@code total} streams), DONE with its result, FAILED, INTERRUPTED. */
    public record Verification(
            String verificationId,
            String checkpointId,
            String state,
            int done,
            int total,
            String requestedBy,
            Instant startedAt,
            Instant finishedAt,
            Result result,
            String error) {}

    /** Records a verification of the store against {@code checkpoint} and starts it; returns its id. */
    public UUID start(Checkpoint checkpoint, String requestedBy) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            progress.executeWithoutResult(status -> {
                jdbc.update(
                        "UPDATE checkpoint_verification SET state = 'INTERRUPTED', finished_at = ?"
                                + " WHERE state = 'RUNNING' AND updated_at < ?",
                        now,
                        Timestamp.from(clock.instant().minus(STALE)));
                jdbc.update(
                        "INSERT INTO checkpoint_verification (verification_id, checkpoint_id, requested_by, state,"
                                + " total, started_at, updated_at) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)",
                        id,
                        UUID.fromString(checkpoint.checkpointId()),
                        requestedBy,
                        (int) checkpoint.streams(),
                        now,
                        now);
            });
        } catch (DuplicateKeyException e) {
            List<String> running = jdbc.queryForList(
                    "SELECT '/api/v1/audit/checkpoints/' || checkpoint_id || '/verifications/' || verification_id"
                            + " FROM checkpoint_verification WHERE state = 'RUNNING'",
                    String.class);
            throw new CoopProblem(
                    ErrorCode.VERIFICATION_RUNNING,
                    "A verification is running: " + (running.isEmpty() ? "" : running.get(0))
                            + " — one runs at a time.");
        }
        worker.execute(() -> run(id, checkpoint));
        return id;
    }

    public Optional<Verification> find(UUID checkpointId, UUID verificationId) {
        Timestamp stale = Timestamp.from(clock.instant().minus(STALE));
        return jdbc
                .query(
                        "SELECT verification_id, checkpoint_id, CASE WHEN state = 'RUNNING' AND updated_at < ? THEN"
                                + " 'INTERRUPTED' ELSE state END, done, total, requested_by, started_at, finished_at,"
                                + " result, error FROM checkpoint_verification WHERE checkpoint_id = ?"
                                + " AND verification_id = ?",
                        (row, n) -> new Verification(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getInt(4),
                                row.getInt(5),
                                row.getString(6),
                                row.getTimestamp(7).toInstant(),
                                row.getTimestamp(8) == null
                                        ? null
                                        : row.getTimestamp(8).toInstant(),
                                row.getString(9) == null ? null : json.readValue(row.getString(9), Result.class),
                                row.getString(10)),
                        stale,
                        checkpointId,
                        verificationId)
                .stream()
                .findFirst();
    }

    private void run(UUID id, Checkpoint checkpoint) {
        try {
            Result result = verify(id, checkpoint);
            jdbc.update(
                    "UPDATE checkpoint_verification SET state = 'DONE', done = total, result = ?, updated_at = ?,"
                            + " finished_at = ? WHERE verification_id = ?",
                    json.writeValueAsString(result),
                    Timestamp.from(clock.instant()),
                    Timestamp.from(clock.instant()),
                    id);
        } catch (RuntimeException e) {
            log.warn("The verification {} against checkpoint {} failed", id, checkpoint.checkpointId(), e);
            jdbc.update(
                    "UPDATE checkpoint_verification SET state = 'FAILED', error = ?, updated_at = ?, finished_at = ?"
                            + " WHERE verification_id = ?",
                    String.valueOf(e.getMessage()),
                    Timestamp.from(clock.instant()),
                    Timestamp.from(clock.instant()),
                    id);
        }
    }

    private Result verify(UUID id, Checkpoint checkpoint) {
        // CheckpointLog.keys lists only keys that are their ids: a public key put under another key's id signs nothing
        boolean signatureHolds = checkpoints.keys().stream()
                .filter(key -> key.keyId().equals(checkpoint.keyId()))
                .anyMatch(key -> checkpoint.signatureHolds(SigningKeys.readPublic(key.publicKey())));
        Pass pass = new Pass(id, UUID.fromString(checkpoint.checkpointId()));
        readOnly.executeWithoutResult(status -> jdbc.query(
                connection -> {
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT s.leaf_index, s.aggregate_id, s.sequence_number, s.chain_hash, e.sequence_number,"
                                    + " e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data"
                                    + " FROM checkpoint_stream s LEFT JOIN domain_event_entry e"
                                    + " ON e.aggregate_identifier = s.aggregate_id"
                                    + " AND e.sequence_number <= s.sequence_number WHERE s.checkpoint_id = ?"
                                    + " ORDER BY s.leaf_index, e.sequence_number");
                    select.setObject(1, UUID.fromString(checkpoint.checkpointId()));
                    select.setFetchSize(FETCH);
                    return select;
                },
                (ResultSet row) -> {
                    pass.row(row);
                }));
        pass.finishStream();
        for (Missing stream : pass.gone) {
            markMissing(id, pass.checkpointId, stream.aggregateId(), stream.sequence());
        }
        // a stream found again (put back from a backup) is no longer marked missing
        jdbc.update("DELETE FROM missing_stream m WHERE EXISTS (SELECT 1 FROM domain_event_entry e"
                + " WHERE e.aggregate_identifier = m.aggregate_id)");
        boolean rootHolds = pass.leaves.size() == checkpoint.streams()
                && HEX.formatHex(MerkleTree.root(pass.leaves)).equals(checkpoint.root());
        boolean recorded = recorded(checkpoint);
        boolean intact = signatureHolds
                && rootHolds
                && recorded
                && pass.missingCount == 0
                && pass.shorterCount == 0
                && pass.changedCount == 0;
        return new Result(
                intact,
                signatureHolds,
                rootHolds,
                recorded,
                pass.leaves.size(),
                pass.missingCount,
                pass.shorterCount,
                pass.changedCount,
                pass.missing,
                pass.shorter,
                pass.changed,
                summary(intact, signatureHolds, rootHolds, recorded, pass));
    }

    /**
     * Whether the checkpoint, field for field, is an event of the checkpoints' own stream, and that stream's chain is
     * intact: a document changed where Coop keeps it no longer matches the one chained when it was taken.
     */
    private boolean recorded(Checkpoint checkpoint) {
        List<byte[]> payloads = jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'coop-checkpoints'"
                        + " AND position(convert_to(?, 'UTF8') IN payload) > 0",
                byte[].class,
                checkpoint.checkpointId());
        boolean chained = payloads.stream().anyMatch(payload -> {
            try {
                return checkpoint.equals(json.treeToValue(json.readTree(payload).get("checkpoint"), Checkpoint.class));
            } catch (RuntimeException e) {
                return false;
            }
        });
        return chained && chains.verify("coop-checkpoints").intact();
    }

    /**
     * Marks a stream found deleted whole, once (the first verification to find it names it): the register and the
     * agreement's page say so, and its row of the status read model is kept to be put back after a rebuild.
     */
    private void markMissing(UUID verificationId, UUID checkpointId, String aggregateId, long sequence) {
        jdbc.update(
                "INSERT INTO missing_stream (aggregate_id, checkpoint_id, verification_id, covered_sequence, found_at,"
                        + " status_row) VALUES (?, ?, ?, ?, ?, (SELECT to_jsonb(s) FROM agreement_status s"
                        + " WHERE s.agreement_id = ?)) ON CONFLICT (aggregate_id) DO NOTHING",
                aggregateId,
                checkpointId,
                verificationId,
                sequence,
                Timestamp.from(clock.instant()),
                aggregateId);
    }

    private static String summary(
            boolean intact, boolean signatureHolds, boolean rootHolds, boolean recorded, Pass pass) {
        if (intact) {
            return "Intact: the signature and the root hold, the checkpoint is in its chained stream, and all "
                    + pass.leaves.size() + " streams it covered are in the store as they were then.";
        }
        List<String> wrong = new ArrayList<>();
        if (!signatureHolds) {
            wrong.add("the signature does not hold (or its key is not listed)");
        }
        if (!rootHolds) {
            wrong.add("the leaves Coop kept for this checkpoint do not give its signed root");
        }
        if (!recorded) {
            wrong.add("the checkpoint is missing from its chained stream, or that stream's chain is broken");
        }
        if (pass.missingCount > 0) {
            wrong.add(pass.missingCount + " stream(s) it covered are gone altogether");
        }
        if (pass.shorterCount > 0) {
            wrong.add(pass.shorterCount + " stream(s) are shorter than they were");
        }
        if (pass.changedCount > 0) {
            wrong.add(pass.changedCount + " stream(s) no longer hold the events it covered");
        }
        return "NOT intact: " + String.join("; ", wrong) + ".";
    }

    /** One pass over the checkpoint's streams and their events up to its sequence, a stream at a time. */
    private final class Pass {
        private final UUID id;
        private final List<byte[]> leaves = new ArrayList<>();
        private final List<Missing> missing = new ArrayList<>();
        private final List<Shorter> shorter = new ArrayList<>();
        private final List<Changed> changed = new ArrayList<>();
        private long missingCount;
        private long shorterCount;
        private long changedCount;
        private int leafIndex = -1;
        private String aggregateId;
        private long sequence;
        private byte[] chainHash;
        private ChainVerifier.Check check;
        private long read;
        private Instant reported;

        private final UUID checkpointId;
        /** Every stream found deleted whole (not only those listed), marked once the read-only pass is over. */
        private final List<Missing> gone = new ArrayList<>();

        Pass(UUID id, UUID checkpointId) {
            this.id = id;
            this.checkpointId = checkpointId;
            this.reported = clock.instant();
        }

        void row(ResultSet row) throws SQLException {
            int index = row.getInt(1);
            if (index != leafIndex) {
                finishStream();
                leafIndex = index;
                aggregateId = row.getString(2);
                sequence = row.getLong(3);
                chainHash = row.getBytes(4);
                leaves.add(MerkleTree.leaf(aggregateId, sequence, chainHash));
                check = chains.check(aggregateId);
                read = 0;
            }
            long eventSequence = row.getLong(5);
            if (row.wasNull()) {
                return;
            }
            read++;
            check.next(
                    eventSequence,
                    row.getString(6),
                    row.getString(7),
                    row.getString(8),
                    row.getBytes(9),
                    row.getBytes(10));
        }

        void finishStream() {
            if (aggregateId == null) {
                return;
            }
            String expected = HEX.formatHex(chainHash);
            if (read < sequence + 1) {
                Long last = jdbc.queryForObject(
                        "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        aggregateId);
                if (last == null) {
                    missingCount++;
                    add(missing, new Missing(aggregateId, sequence));
                    gone.add(new Missing(aggregateId, sequence));
                } else if (last < sequence) {
                    shorterCount++;
                    add(shorter, new Shorter(aggregateId, sequence, last));
                } else {
                    changedCount++;
                    add(
                            changed,
                            new Changed(aggregateId, sequence, check.result().brokenAt(), expected, null));
                }
            } else {
                ChainVerification chain = check.result();
                if (!chain.intact() || !expected.equals(chain.headHash())) {
                    changedCount++;
                    add(changed, new Changed(aggregateId, sequence, chain.brokenAt(), expected, chain.headHash()));
                }
            }
            aggregateId = null;
            Instant now = clock.instant();
            if (Duration.between(reported, now).compareTo(HEARTBEAT) >= 0) {
                reported = now;
                progress.executeWithoutResult(status -> jdbc.update(
                        "UPDATE checkpoint_verification SET done = ?, updated_at = ? WHERE verification_id = ?",
                        leaves.size(),
                        Timestamp.from(now),
                        id));
            }
        }

        private <T> void add(List<T> list, T entry) {
            if (list.size() < LISTED) {
                list.add(entry);
            }
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
