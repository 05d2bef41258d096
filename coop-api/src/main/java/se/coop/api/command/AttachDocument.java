package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;

/**
 * Attaches a document (signed text, minutes, final report) by its SHA-256, media type and size (rule 15), of the kind
 * given ({@link DocumentKind#OTHER} when none is).
 */
public record AttachDocument(
        @TargetAggregateIdentifier AgreementId agreementId,
        DocumentId documentId,
        String title,
        String sha256,
        String mediaType,
        Long size,
        String uri,
        DocumentKind kind) {

    /** The same command describing the document as of {@code type} and {@code bytes} (the stored bytes'). */
    public AttachDocument describedAs(String type, Long bytes) {
        return new AttachDocument(agreementId, documentId, title, sha256, type, bytes, uri, kind);
    }
}
