package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;

/**
 * The description of an attached document — its title, media type, address or kind — was corrected; the file is the
 * same. Revision 1 had no kind: it reads as {@link DocumentKind#OTHER}, the only kind documents then had.
 */
@Revision("2")
public record DocumentCorrected(
        AgreementId agreementId,
        DocumentId documentId,
        String sha256,
        String title,
        String mediaType,
        String uri,
        DocumentKind kind)
        implements AgreementEvent {}
