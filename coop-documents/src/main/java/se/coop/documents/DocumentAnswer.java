package se.coop.documents;

import java.time.Instant;
import java.util.List;
import se.coop.api.document.DocumentNames;
import se.coop.api.document.FileTypes;
import se.coop.api.document.StoredDocument;

/**
 * A document as the HTTP API answers it: what the store holds of it, and the agreements that name it (each once per
 * kind it names it as).
 */
public record DocumentAnswer(
        String sha256,
        long size,
        String mediaType,
        String formatVersion,
        String fileName,
        StoredDocument.PdfA pdfa,
        String uploadedBy,
        Instant uploadedAt,
        boolean held,
        StoredDocument.Damage damaged,
        StoredDocument.Culling culled,
        List<DocumentNames.Naming> namedBy) {

    public static DocumentAnswer of(StoredDocument d, List<DocumentNames.Naming> namedBy) {
        return new DocumentAnswer(
                d.sha256(),
                d.size(),
                d.mediaType(),
                d.formatVersion(),
                d.fileName(),
                d.pdfa(),
                d.uploadedBy(),
                d.uploadedAt(),
                d.held(),
                d.damaged(),
                d.culled(),
                List.copyOf(namedBy));
    }

    /**
     * The name a download gives the file: the one it was uploaded under, else its hash; with an extension of the type
     * detected from the bytes ({@link FileTypes#nameFor}).
     */
    public String downloadName() {
        return FileTypes.nameFor(fileName != null ? fileName : sha256.substring(0, 12), mediaType);
    }
}
