package se.coop.query.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.query.ListAgreements;
import se.coop.query.QueryNode;
import se.coop.query.status.StatusQueries;

/**
 * Packages every archived agreement, in the background on the node that was asked, one after the other: each package
 * written to a temporary file, its SHA-256 taken as it is written, then moved into place under the export's own
 * directory ({@code coop.archive.export-dir}/{exportId}). Progress is kept in the database, so every node can show
 * it.
 */
@QueryNode
@Component
public class ArchiveExports implements DisposableBean, SmartInitializingSingleton {

    /** A RUNNING export whose progress has not moved for this long is shown as INTERRUPTED. */
    static final Duration STALE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(ArchiveExports.class);

    private final ArchivePackages packages;
    private final StatusQueries status;
    private final JdbcTemplate jdbc;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coop-archive-export");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coop-archive-export-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    ArchiveExports(
            ArchivePackages packages,
            StatusQueries status,
            JdbcTemplate jdbc,
            ArchiveSettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.packages = packages;
        this.status = status;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a new export of every agreement archived now and starts it; returns its id. One export runs at a time
     * across the nodes: while one runs, another is refused (409 EXPORT_RUNNING, naming it); one whose node stopped
     * is marked INTERRUPTED first.
     */
    public UUID start(String requestedBy) {
        List<AgreementId> archived = new ArrayList<>();
        status.forEach(
                new ListAgreements(AgreementState.ARCHIVED, null, null, null, null, 0, 1),
                agreement -> archived.add(AgreementId.of(agreement.agreementId())));
        UUID exportId = UUID.randomUUID();
        Path directory = settings.exportDir().resolve(exportId.toString()).toAbsolutePath();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            transaction.executeWithoutResult(tx -> {
                jdbc.update(
                        "UPDATE archive_export SET state = 'INTERRUPTED', finished_at = ? WHERE state = 'RUNNING'"
                                + " AND updated_at < ?",
                        now,
                        Timestamp.from(clock.instant().minus(STALE)));
                jdbc.update(
                        "INSERT INTO archive_export (export_id, requested_by, directory, state, total, started_at,"
                                + " updated_at) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?)",
                        exportId,
                        requestedBy,
                        directory.toString(),
                        archived.size(),
                        now,
                        now);
            });
        } catch (DuplicateKeyException e) {
            List<String> running = jdbc.queryForList(
                    "SELECT export_id::text FROM archive_export WHERE state = 'RUNNING'", String.class);
            throw new CoopProblem(
                    ErrorCode.EXPORT_RUNNING,
                    "An archive export is running: /api/v1/admin/archive-exports/"
                            + (running.isEmpty() ? "" : running.get(0)) + " — one runs at a time.");
        }
        worker.execute(() -> run(exportId, directory, archived, requestedBy));
        return exportId;
    }

    private void run(UUID exportId, Path directory, List<AgreementId> agreements, String requestedBy) {
        Path partial = null;
        try {
            Files.createDirectories(directory);
            for (AgreementId id : agreements) {
                String file = ArchivePackages.objectId(id) + ".zip";
                partial = directory.resolve(file + ".part");
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    packages.write(id, true, requestedBy, out);
                }
                Files.move(partial, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                partial = null;
                long size = Files.size(directory.resolve(file));
                String digest = HexFormat.of().formatHex(sha256.digest());
                Timestamp now = Timestamp.from(clock.instant());
                transaction.executeWithoutResult(tx -> {
                    jdbc.update(
                            "INSERT INTO archive_export_package (export_id, agreement_id, file, size, sha256,"
                                    + " written_at) VALUES (?, ?, ?, ?, ?, ?)",
                            exportId,
                            id.toString(),
                            file,
                            size,
                            digest,
                            now);
                    jdbc.update(
                            "UPDATE archive_export SET done = done + 1, updated_at = ? WHERE export_id = ?",
                            now,
                            exportId);
                });
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(
                    "UPDATE archive_export SET state = 'DONE', updated_at = ?, finished_at = ? WHERE export_id = ?",
                    now,
                    now,
                    exportId);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            log.error("Archive export {} failed", exportId, e);
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the export failed already; a stray .part file says which package was not finished
                }
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(
                    "UPDATE archive_export SET state = 'FAILED', error = ?, updated_at = ?, finished_at = ?"
                            + " WHERE export_id = ?",
                    String.valueOf(e.getMessage()),
                    now,
                    now,
                    exportId);
        }
    }

    public Optional<ArchiveExport> find(UUID exportId) {
        List<ArchiveExport.Package> written = jdbc.query(
                "SELECT agreement_id, file, size, sha256 FROM archive_export_package WHERE export_id = ?"
                        + " ORDER BY written_at, agreement_id",
                (rs, row) -> new ArchiveExport.Package(
                        rs.getString("agreement_id"), rs.getString("file"), rs.getLong("size"), rs.getString("sha256")),
                exportId);
        Instant now = clock.instant();
        return jdbc
                .query(
                        "SELECT * FROM archive_export WHERE export_id = ?",
                        (rs, row) -> {
                            String state = rs.getString("state");
                            Instant updated = rs.getTimestamp("updated_at").toInstant();
                            if (state.equals("RUNNING") && updated.plus(STALE).isBefore(now)) {
                                // its node stopped: nothing moved for STALE
                                state = "INTERRUPTED";
                            }
                            Timestamp finished = rs.getTimestamp("finished_at");
                            Timestamp removed = rs.getTimestamp("removed_at");
                            return new ArchiveExport(
                                    exportId.toString(),
                                    state,
                                    rs.getInt("done"),
                                    rs.getInt("total"),
                                    rs.getString("requested_by"),
                                    rs.getString("directory"),
                                    rs.getTimestamp("started_at").toInstant(),
                                    finished == null ? null : finished.toInstant(),
                                    rs.getString("error"),
                                    written,
                                    removed == null ? null : removed.toInstant());
                        },
                        exportId)
                .stream()
                .findFirst();
    }

    /**
     * Removes the files of every export finished more than {@code coop.archive.keep-exports} ago whose directory is on
     * this node's disk, and records when; returns how many were removed. Each node removes its own: an export's files
     * are where the node that ran it wrote them.
     */
    public int removeExpired() {
        Instant before = clock.instant().minus(settings.keepExports());
        List<Map<String, Object>> expired = jdbc.queryForList(
                "SELECT export_id, directory FROM archive_export WHERE state <> 'RUNNING' AND removed_at IS NULL"
                        + " AND finished_at < ?",
                Timestamp.from(before));
        int removed = 0;
        for (Map<String, Object> export : expired) {
            Path directory = Path.of((String) export.get("directory"));
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                log.warn("Could not remove the files of archive export {}: {}", export.get("export_id"), e.toString());
                continue;
            }
            jdbc.update(
                    "UPDATE archive_export SET removed_at = ? WHERE export_id = ?",
                    Timestamp.from(clock.instant()),
                    export.get("export_id"));
            removed++;
        }
        return removed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long every = Math.max(
                60_000,
                Math.min(settings.keepExports().toMillis(), Duration.ofHours(1).toMillis()));
        cleaner.scheduleWithFixedDelay(
                () -> {
                    try {
                        removeExpired();
                    } catch (RuntimeException e) {
                        log.warn("Could not remove expired archive exports: {}", e.toString());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        cleaner.shutdownNow();
    }
}
