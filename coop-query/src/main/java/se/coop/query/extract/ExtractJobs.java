package se.coop.query.extract;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.AgreementId;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.query.NodeName;
import se.coop.query.QueryNode;

/**
 * Heavy extracts made in the background for the reader who asked ({@link ExtractJob}): one too large to answer in
 * {@code coop.extracts.answer-within}, or asked for with {@code Prefer: respond-async}. The job keeps the turn its
 * request took ({@link HeavyExtracts}) until it ends, so the bounds on how many run at once hold for jobs too. Its file
 * is written to a temporary file while it is made (its SHA-256 taken as it is written), then kept in the database in
 * chunks of a mebibyte, as documents are (decision 0008): every node shows its progress and serves its file, and
 * nothing is on a node's own disk. Cancelling it stops it at its next step, on whichever node it runs.
 */
@QueryNode
@Component
public class ExtractJobs implements DisposableBean, SmartInitializingSingleton {

    /** A RUNNING job whose progress has not moved for this long is shown as INTERRUPTED: its node stopped. */
    static final Duration STALE = Duration.ofMinutes(5);

    /** What a package's documents add to its time: a second for each this many bytes. */
    static final long BYTES_PER_SECOND = 100L * 1000 * 1000;

    /** A file is kept in chunks of this many bytes. */
    static final int CHUNK = 1 << 20;

    /** The files a reader keeps at most: a new job removes the oldest beyond (their records stay). */
    static final int KEPT_PER_READER = 5;

    private static final Logger log = LoggerFactory.getLogger(ExtractJobs.class);

    /** Writes a job's file, telling its progress after each step. */
    @FunctionalInterface
    public interface Work {
        void write(OutputStream out, DossierRenderer.Progress progress) throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HeavyExtracts.Limits limits;
    private final HeavyExtracts heavy;
    private final String node;
    // as many at once as HeavyExtracts gives turns: a job runs on the turn its request took
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "coop-extract-job");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coop-extract-job-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    ExtractJobs(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            HeavyExtracts heavy,
            NodeName node) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.limits = heavy.limits();
        this.heavy = heavy;
        this.node = node.name();
    }

    /**
     * Whether an extract whose dossier has {@code rows} rows, carrying {@code bytes} of documents, is made in the
     * background: when the reader asked for it ({@code Prefer: respond-async}, RFC 7240) or it would take longer than
     * {@code coop.extracts.answer-within}.
     */
    public boolean inBackground(String prefer, int rows, long bytes) {
        return respondAsync(prefer) || estimate(rows, bytes).compareTo(limits.answerWithin()) > 0;
    }

    /** How long an extract whose dossier has {@code rows} rows, carrying {@code bytes} of documents, takes. */
    public Duration estimate(int rows, long bytes) {
        return Duration.ofMillis(rows * 1000L / limits.rowsPerSecond() + bytes * 1000 / BYTES_PER_SECOND);
    }

    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            if (preference.strip().toLowerCase(Locale.ROOT).startsWith("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts {@code work} in the background on the request's {@code turn}, which the job takes over (the request's no
     * longer counts: {@link HeavyExtracts#inBackground}) and ends with the job; returns the job as it stands. A reader
     * keeps the files of at most {@link #KEPT_PER_READER} jobs: starting one removes the oldest beyond.
     */
    public ExtractJob start(
            HeavyExtracts.Turn requestTurn,
            String kind,
            AgreementId agreementId,
            String requestedBy,
            String fileName,
            MediaType mediaType,
            int total,
            Work work) {
        HeavyExtracts.Turn turn = heavy.inBackground(requestTurn, words(kind));
        UUID jobId = UUID.randomUUID();
        try {
            List<UUID> kept = jdbc.queryForList(
                    "SELECT job_id FROM extract_job WHERE requested_by = ? AND state = 'DONE' AND removed_at IS NULL"
                            + " ORDER BY seq DESC OFFSET ?",
                    UUID.class,
                    requestedBy,
                    KEPT_PER_READER - 1);
            kept.forEach(this::remove);
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(
                    "INSERT INTO extract_job (job_id, kind, agreement_id, requested_by, state, total, node,"
                            + " file_name, media_type, requested_at, updated_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?,"
                            + " ?, ?, ?, ?)",
                    jobId,
                    kind,
                    agreementId.toString(),
                    requestedBy,
                    total,
                    node,
                    fileName,
                    mediaType.toString(),
                    now,
                    now);
            workers.execute(() -> run(jobId, work, turn));
        } catch (RuntimeException e) {
            turn.close();
            throw e;
        }
        return find(jobId, requestedBy).orElseThrow();
    }

    private void run(UUID jobId, Work work, HeavyExtracts.Turn turn) {
        Path partial = null;
        try {
            partial = ExtractFiles.create("job-" + jobId, ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out =
                    new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), sha256)) {
                work.write(out, (done, total) -> progress(jobId, done, total));
            }
            Path file = partial;
            String digest = HexFormat.of().formatHex(sha256.digest());
            // the chunks and DONE in one transaction: a job is done with its whole file, or not at all; one cancelled
            // meanwhile keeps nothing
            transaction.executeWithoutResult(tx -> {
                Timestamp now = Timestamp.from(clock.instant());
                int finished = jdbc.update(
                        "UPDATE extract_job SET state = 'DONE', done = total, size = ?, sha256 = ?, updated_at = ?,"
                                + " finished_at = ? WHERE job_id = ? AND state = 'RUNNING'",
                        size(file),
                        digest,
                        now,
                        now,
                        jobId);
                if (finished == 1) {
                    keep(jobId, file);
                }
            });
        } catch (InterruptedIOException cancelled) {
            log.info("Extract job {} stopped: cancelled", jobId);
        } catch (Throwable e) {
            // recorded first: whatever went wrong (an Error too), the reader is told it failed, not left waiting
            try {
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.update(
                        "UPDATE extract_job SET state = 'FAILED', error = ?, updated_at = ?, finished_at = ?"
                                + " WHERE job_id = ? AND state = 'RUNNING'",
                        e instanceof CoopProblem problem ? problem.getMessage() : String.valueOf(e),
                        now,
                        now,
                        jobId);
            } finally {
                log.error("Extract job {} failed", jobId, e);
            }
        } finally {
            turn.close();
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    log.warn("Could not remove {}: {}", partial, e.toString());
                }
            }
        }
    }

    /** The file's chunks, written in the caller's transaction. */
    private void keep(UUID jobId, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[CHUNK];
            int n = 0;
            while (true) {
                int length = in.readNBytes(chunk, 0, CHUNK);
                if (length == 0) {
                    break;
                }
                jdbc.update(
                        "INSERT INTO extract_chunk (job_id, n, bytes) VALUES (?, ?, ?)",
                        jobId,
                        n++,
                        length == CHUNK ? chunk : Arrays.copyOf(chunk, length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a step done; one cancelled (on any node) stops here. */
    private void progress(UUID jobId, int done, int total) throws IOException {
        int running = jdbc.update(
                "UPDATE extract_job SET done = ?, total = ?, updated_at = ? WHERE job_id = ? AND state = 'RUNNING'",
                done,
                total,
                Timestamp.from(clock.instant()),
                jobId);
        if (running == 0) {
            throw new InterruptedIOException("extract job " + jobId + " was cancelled");
        }
    }

    /** The job, if {@code reader} asked for it (a job is its reader's alone). */
    public Optional<ExtractJob> find(UUID jobId, String reader) {
        return jdbc
                .query("SELECT * FROM extract_job WHERE job_id = ? AND requested_by = ?", this::job, jobId, reader)
                .stream()
                .findFirst();
    }

    /** The reader's jobs, the latest first (at most 50). */
    public List<ExtractJob> of(String reader) {
        return jdbc.query(
                "SELECT * FROM extract_job WHERE requested_by = ? ORDER BY seq DESC LIMIT 50", this::job, reader);
    }

    /** Writes the file of a job that is DONE to {@code out}; otherwise a problem saying why not, having written nothing. */
    public void copy(ExtractJob job, OutputStream out) throws IOException {
        ready(job);
        UUID jobId = UUID.fromString(job.jobId());
        int chunks = jdbc.queryForObject("SELECT count(*) FROM extract_chunk WHERE job_id = ?", Integer.class, jobId);
        for (int n = 0; n < chunks; n++) {
            byte[] chunk = jdbc.queryForObject(
                    "SELECT bytes FROM extract_chunk WHERE job_id = ? AND n = ?", byte[].class, jobId, n);
            out.write(chunk);
        }
    }

    /** A problem, unless the job's file can be had. */
    public void ready(ExtractJob job) {
        if ("RUNNING".equals(job.state())) {
            throw new CoopProblem(
                    ErrorCode.EXTRACT_NOT_READY,
                    "The " + words(job.kind()) + " is being made: " + job.done() + " of " + job.total()
                            + " steps done. Ask again in a moment.",
                    null,
                    5);
        }
        if (!job.ready()) {
            throw new CoopProblem(
                    ErrorCode.EXTRACT_GONE,
                    "The " + words(job.kind()) + " is " + (job.removedAt() != null ? "removed" : job.state())
                            + "; ask for it again.");
        }
    }

    /** Cancels the reader's job: a running one stops at its next step; its file, if any, is removed. */
    public void cancel(UUID jobId, String reader) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "UPDATE extract_job SET state = 'CANCELLED', updated_at = ?, finished_at = ? WHERE job_id = ? AND"
                        + " requested_by = ? AND state = 'RUNNING'",
                now,
                now,
                jobId,
                reader);
        boolean kept = !jdbc.queryForList(
                        "SELECT job_id FROM extract_job WHERE job_id = ? AND requested_by = ? AND removed_at IS NULL"
                                + " AND state <> 'RUNNING'",
                        UUID.class,
                        jobId,
                        reader)
                .isEmpty();
        if (kept) {
            remove(jobId);
        }
    }

    /**
     * Removes the files of the jobs finished more than {@code coop.extracts.keep} ago, and records when; returns how
     * many. Any node may: the files are in the database.
     */
    public int removeExpired() {
        List<UUID> expired = jdbc.queryForList(
                "SELECT job_id FROM extract_job WHERE state <> 'RUNNING' AND removed_at IS NULL AND finished_at < ?",
                UUID.class,
                Timestamp.from(clock.instant().minus(limits.keep())));
        expired.forEach(this::remove);
        return expired.size();
    }

    private void remove(UUID jobId) {
        transaction.executeWithoutResult(tx -> {
            jdbc.update("DELETE FROM extract_chunk WHERE job_id = ?", jobId);
            jdbc.update(
                    "UPDATE extract_job SET removed_at = ? WHERE job_id = ? AND removed_at IS NULL",
                    Timestamp.from(clock.instant()),
                    jobId);
        });
    }

    private ExtractJob job(ResultSet rs, int row) throws SQLException {
        String state = rs.getString("state");
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        if (state.equals("RUNNING") && updated.plus(STALE).isBefore(clock.instant())) {
            state = "INTERRUPTED";
        }
        Timestamp finished = rs.getTimestamp("finished_at");
        Timestamp removed = rs.getTimestamp("removed_at");
        long size = rs.getLong("size");
        boolean sized = !rs.wasNull();
        String jobId = rs.getString("job_id");
        boolean ready = "DONE".equals(state) && removed == null;
        return new ExtractJob(
                jobId,
                rs.getString("kind"),
                rs.getString("agreement_id"),
                state,
                rs.getInt("done"),
                rs.getInt("total"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("error"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                sized ? size : null,
                rs.getString("sha256"),
                removed == null ? null : removed.toInstant(),
                ready ? "/api/v1/extracts/" + jobId + "/file" : null);
    }

    private static String words(String kind) {
        return "ARCHIVE_PACKAGE".equals(kind) ? "archive package" : "dossier";
    }

    /**
     * The jobs an earlier run of this node left RUNNING — the node was stopped or killed while they ran: INTERRUPTED
     * at once, not after {@link #STALE}; and every temporary file a process gone left behind removed. A node is this
     * one when it has its {@code coop.node-id}, or, without one, when its {@code pid@host} names this host and a
     * process that is gone.
     */
    public int interruptLeftBehind() {
        ExtractFiles.removeLeftBehind();
        String host = "@" + NodeName.hostName();
        List<Map<String, Object>> running = jdbc.queryForList(
                "SELECT job_id, node FROM extract_job WHERE state = 'RUNNING' AND (node = ? OR node LIKE ?)",
                node,
                "%" + host);
        int interrupted = 0;
        for (Map<String, Object> job : running) {
            String owner = (String) job.get("node");
            boolean gone =
                    owner.equals(node) || !ExtractFiles.alive(owner.substring(0, owner.length() - host.length()));
            if (gone && !owner.equals(NodeName.pidAtHost())) {
                Timestamp now = Timestamp.from(clock.instant());
                interrupted += jdbc.update(
                        "UPDATE extract_job SET state = 'INTERRUPTED', error = 'its node stopped while it was made',"
                                + " updated_at = ?, finished_at = ? WHERE job_id = ? AND state = 'RUNNING'",
                        now,
                        now,
                        job.get("job_id"));
            }
        }
        return interrupted;
    }

    @Override
    public void afterSingletonsInstantiated() {
        interruptLeftBehind();
        long every = Math.max(
                60_000, Math.min(limits.keep().toMillis(), Duration.ofHours(1).toMillis()));
        cleaner.scheduleWithFixedDelay(
                () -> {
                    try {
                        removeExpired();
                    } catch (RuntimeException e) {
                        log.warn("Could not remove expired extract jobs: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        cleaner.shutdownNow();
    }
}
