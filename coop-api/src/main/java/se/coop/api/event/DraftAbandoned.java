package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;

/** A draft, or an agreement awaiting approval, was abandoned. */
@Revision("1")
public record DraftAbandoned(AgreementId agreementId, String reason) implements AgreementEvent {}
