package se.coop.api.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.DocumentRef;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.ReviewOutcome;
import se.coop.api.Reviewer;

/** Records a meeting that already took place, with its outcome (rule 7) and the minutes it rests on, where named. */
public record RecordHeldReview(
        @TargetAggregateIdentifier AgreementId agreementId,
        ReviewId reviewId,
        ReviewKind kind,
        LocalDate heldOn,
        String location,
        List<Reviewer> reviewers,
        ReviewOutcome outcome,
        String title,
        DocumentRef document) {

    /** The same command with its reviewers as given (the contact register refers them by contact). */
    public RecordHeldReview withReviewers(List<Reviewer> referred) {
        return new RecordHeldReview(agreementId, reviewId, kind, heldOn, location, referred, outcome, title, document);
    }
}
