package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;

/**
 * The description of a text version — its title, media type, size or address — was corrected; the text itself, and
 * so its SHA-256 and its version, are the same (rule 15).
 */
@Revision("1")
public record TextDescriptionCorrected(AgreementId agreementId, int textVersion, AgreementText text, String note)
        implements AgreementEvent {}
