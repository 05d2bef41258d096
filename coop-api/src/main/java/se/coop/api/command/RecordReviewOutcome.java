package se.coop.api.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewId;

/** Records the outcome of a scheduled meeting once it has been held, resting on its minutes where they are named. */
public record RecordReviewOutcome(
        @TargetAggregateIdentifier AgreementId agreementId,
        ReviewId reviewId,
        LocalDate heldOn,
        String summary,
        ReviewDecision decision,
        DocumentRef document) {}
