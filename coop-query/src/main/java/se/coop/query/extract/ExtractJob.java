package se.coop.query.extract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A heavy extract made in the background for the reader who asked for it (a dossier as PDF or an archive package too
 * large to answer in {@code coop.extracts.answer-within}, or asked for with {@code Prefer: respond-async}): RUNNING
 * with {@code done} of {@code total} steps (the dossier's parts, then the package's documents), DONE with its file,
 * FAILED with the error, CANCELLED by its reader, or INTERRUPTED (its node stopped: nothing moved for
 * {@link ExtractJobs#STALE}). A finished one's file is kept {@code coop.extracts.keep} and then removed
 * ({@code removedAt}); the record stays.
 */
public record ExtractJob(
        String jobId,

        @Schema(allowableValues = {"DOSSIER_PDF", "ARCHIVE_PACKAGE"})
        String kind,

        String agreementId,

        @Schema(allowableValues = {"RUNNING", "DONE", "FAILED", "CANCELLED", "INTERRUPTED"})
        String state,

        int done,
        int total,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        String error,
        String fileName,
        String mediaType,
        Long size,
        String sha256,
        Instant removedAt,

        @Schema(description = "Where the file is, once DONE and not yet removed")
        String file) {

    /** Whether its file can be had. */
    public boolean ready() {
        return "DONE".equals(state) && removedAt == null;
    }
}
