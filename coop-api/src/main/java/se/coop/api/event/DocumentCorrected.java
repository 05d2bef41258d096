package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;

/** The description of an attached document — its title, media type or address — was corrected; the file is the same. */
@Revision("1")
public record DocumentCorrected(
        AgreementId agreementId, DocumentId documentId, String sha256, String title, String mediaType, String uri)
        implements AgreementEvent {}
