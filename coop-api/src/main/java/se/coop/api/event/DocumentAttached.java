package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;

/** A document was attached by its SHA-256 (rule 15). */
@Revision("1")
public record DocumentAttached(
        AgreementId agreementId,
        DocumentId documentId,
        String title,
        String sha256,
        String mediaType,
        long size,
        String uri)
        implements AgreementEvent {}
