package se.coop.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.Documents;
import se.coop.api.document.StoredDocument;

/**
 * The store as Coop's other parts use it, and every upload's way in: the bytes are spooled to a file while their
 * SHA-256 and size are taken (and cut off past {@code coop.documents.max-size}), their format is detected from them and
 * held against the allow-list, then they are kept in one transaction — or nothing is. A PDF is then checked for PDF/A
 * in the background.
 */
@Component
public class CoopDocuments implements Documents {

    private final DocumentStore store;
    private final FormatDetection detection;
    private final PdfAChecks pdfa;
    private final DocumentSettings settings;

    CoopDocuments(DocumentStore store, FormatDetection detection, PdfAChecks pdfa, DocumentSettings settings) {
        this.store = store;
        this.detection = detection;
        this.pdfa = pdfa;
        this.settings = settings;
    }

    @Override
    public Map<String, StoredDocument> find(Collection<String> sha256s) {
        return store.find(sha256s);
    }

    @Override
    public void verify(String sha256) {
        DocumentStore.Row row = store.require(sha256);
        if (!row.document().held()) {
            throw DocumentStore.culled(row.document());
        }
        try {
            if (row.document().size() > 0) {
                store.copy(sha256, 0, row.document().size() - 1, OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.scrubbed(sha256);
    }

    @Override
    public void naming(Collection<String> sha256s) {
        store.naming(sha256s);
    }

    @Override
    public void copy(String sha256, OutputStream out) throws IOException {
        DocumentStore.Row row = store.require(sha256);
        if (row.document().size() > 0) {
            store.copy(sha256, 0, row.document().size() - 1, out);
        }
    }

    @Override
    public Stored store(InputStream content, String fileName, String uploadedBy) throws IOException {
        DocumentStore.Kept kept = receive(content, fileName, uploadedBy);
        return new Stored(kept.document(), kept.created());
    }

    /** Receives an upload: its name as given ({@link FileNames#clean}), from whom. */
    DocumentStore.Kept receive(InputStream content, String fileName, String uploadedBy) throws IOException {
        Files.createDirectories(settings.spoolDir());
        Path spool = Files.createTempFile(settings.spoolDir(), "coop-upload-", ".part");
        try {
            DocumentStore.Spooled spooled = spool(content, spool);
            if (spooled.size() == 0) {
                throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "The file is empty.", "file");
            }
            FormatDetection.Format format = detection.detect(spool);
            if (!settings.allowedTypes().contains(format.mediaType())) {
                throw new CoopProblem(
                        ErrorCode.DOCUMENT_TYPE_NOT_ALLOWED,
                        "The file's bytes are " + format.mediaType() + ", which Coop does not keep. It keeps "
                                + String.join(", ", settings.allowedTypes()) + ".",
                        "file");
            }
            DocumentStore.Kept kept = store.keep(spooled, format, FileNames.clean(fileName), uploadedBy);
            if (kept.created() && kept.document().pdfa() != null) {
                pdfa.check(kept.document().sha256());
            }
            return kept;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Copies the upload to {@code spool}, taking its SHA-256 and size; past the limit it stops with 413. */
    private DocumentStore.Spooled spool(InputStream content, Path spool) throws IOException {
        long limit = settings.maxSize().toBytes();
        MessageDigest digest = DocumentStore.sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(content, digest);
                var out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > limit) {
                    throw tooLarge(settings);
                }
                out.write(buffer, 0, n);
            }
        }
        return new DocumentStore.Spooled(spool, HexFormat.of().formatHex(digest.digest()), size);
    }

    static CoopProblem tooLarge(DocumentSettings settings) {
        return new CoopProblem(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The file is larger than " + settings.maxSize().toMegabytes() + " MB, the most Coop keeps of one"
                        + " document (coop.documents.max-size).",
                "file");
    }
}
