package se.coop.query.extract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An export of every archived agreement to packages: RUNNING (with {@code done} of {@code total}), DONE, FAILED (with
 * the error) or INTERRUPTED (its node stopped while it ran: nothing moved for {@link ArchiveExports#STALE}, the time
 * one package may take at most); each package written with its file, size and SHA-256. {@code removedAt}: when its
 * files were removed from disk, {@code coop.archive.keep-exports} after it finished; its record stays.
 */
public record ArchiveExport(
        String exportId,
        String state,
        int done,
        int total,
        String requestedBy,
        String directory,
        Instant startedAt,
        Instant finishedAt,
        String error,
        List<Package> packages,
        Instant removedAt) {

    /** One package written: the agreement, the file (relative to the export's directory), its size and SHA-256. */
    @Schema(name = "ExportedPackage") // "Package" is a word generated clients cannot use for a class
    public record Package(String agreementId, String file, long size, String sha256) {}
}
