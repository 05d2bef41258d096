package se.coop.api.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Coop's documents, kept by the SHA-256 of their bytes. Storing is not a command on an agreement: an agreement names
 * a document by its hash whether or not the store holds it, and a document stored later whose hash an agreement names
 * is held from then on, without touching the agreement's stream.
 */
public interface Documents {

    /** What the store knows of these documents (held, or culled), by SHA-256; unknown hashes are left out. */
    Map<String, StoredDocument> find(Collection<String> sha256s);

    default Optional<StoredDocument> find(String sha256) {
        return Optional.ofNullable(find(java.util.List.of(sha256)).get(sha256));
    }

    /**
     * Called inside the transaction of a command that names these documents: none of them can be removed until it
     * commits — a removal waits for it, and then knows of the naming. (Culling is not held back: it is an operator's
     * act under an archive authority's decision about documents agreements name.)
     */
    void naming(Collection<String> sha256s);

    /**
     * Reads every chunk of a held document and checks it, and the whole, against their SHA-256 (as the scrub does, at
     * full speed): {@link DamagedDocument} when one does not match (and it is recorded). For what must not start to
     * send a document it cannot finish sending, such as an archive package.
     */
    void verify(String sha256);

    /**
     * Writes a held document's bytes to {@code out}, each stored chunk checked against its own SHA-256 before it is
     * written; a chunk that does not match stops the copy with {@link DamagedDocument} (and is reported).
     */
    void copy(String sha256, OutputStream out) throws IOException;

    /**
     * Stores the bytes read from {@code content} as an upload would, with the same checks (size, allowed type):
     * {@code created} false when the store held these bytes already.
     */
    Stored store(InputStream content, String fileName, String uploadedBy) throws IOException;

    /** A stored document, and whether this call stored it (rather than finding it held already). */
    record Stored(StoredDocument document, boolean created) {}
}
