package se.coop.api.query;

import se.coop.api.DocumentKind;

/**
 * A document attached by its hash, as a document of {@code kind} (one attached before documents had kinds, and a
 * status row written then, is {@link DocumentKind#OTHER}).
 */
public record DocumentView(
        String documentId, String title, String sha256, String mediaType, long size, String uri, DocumentKind kind) {

    public DocumentView {
        kind = kind == null ? DocumentKind.OTHER : kind;
    }
}
