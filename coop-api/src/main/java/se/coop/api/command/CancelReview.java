package se.coop.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;

/** Cancels a scheduled meeting. */
public record CancelReview(@TargetAggregateIdentifier AgreementId agreementId, ReviewId reviewId, String reason) {}
