package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;

/**
 * A document was attached by its SHA-256 (rule 15), as a document of {@code kind}. Revision 1 had no kind: it reads as
 * {@link DocumentKind#OTHER} (coop-app's {@code Upcasters}).
 */
@Revision("2")
public record DocumentAttached(
        AgreementId agreementId,
        DocumentId documentId,
        String title,
        String sha256,
        String mediaType,
        long size,
        String uri,
        DocumentKind kind)
        implements AgreementEvent {}
