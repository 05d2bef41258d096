package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** The current text version was frozen and submitted to the parties for approval. */
@Revision("1")
public record SubmittedForAdoption(AgreementId agreementId, int textVersion, String textSha256)
        implements AgreementEvent {}
