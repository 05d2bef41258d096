package se.coop.api.event;

import org.axonframework.serialization.Revision;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;

/** A scheduled meeting was cancelled. */
@Revision("1")
public record ReviewCancelled(AgreementId agreementId, ReviewId reviewId, String reason) implements AgreementEvent {}
