package se.coop.documents;

import java.time.Instant;
import java.util.List;
import se.coop.api.document.StoredDocument;

/**
 * The store at a glance, for operators (their page, {@code GET /api/v1/admin/documents}, health): documents held and
 * their bytes, culled, PDF/A checks pending, documents the scrub has not read yet, the oldest scrub of a held document
 * (every one is re-read within {@code scrub.every}), and every document found damaged.
 */
public record DocumentsSummary(
        long held,
        long heldBytes,
        long culled,
        long pdfaPending,
        long neverScrubbed,
        Instant oldestScrub,
        String scrubRound,
        List<StoredDocument> damaged) {}
