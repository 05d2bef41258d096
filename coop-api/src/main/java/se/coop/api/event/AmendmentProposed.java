package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;

/** A new text version was proposed for an agreement in force; {@code supersedes} names a pending amendment it replaces (rule 8). */
@Revision("1")
public record AmendmentProposed(
        AgreementId agreementId,
        AmendmentId amendmentId,
        int textVersion,
        AgreementText text,
        String summary,
        AmendmentId supersedes)
        implements AgreementEvent {}
