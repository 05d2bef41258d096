package se.coop.api.command;

import java.time.OffsetDateTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;

/** Moves a scheduled meeting to another time, and optionally another place. */
public record RescheduleReview(
        @TargetAggregateIdentifier AgreementId agreementId,
        ReviewId reviewId,
        OffsetDateTime startsAt,
        String location,
        String reason) {}
