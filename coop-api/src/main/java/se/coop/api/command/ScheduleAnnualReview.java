package se.coop.api.command;

import java.time.OffsetDateTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;
import se.coop.api.ReviewKind;
import se.coop.api.Reviewer;

/** Schedules a future review meeting, or another meeting, of an agreement in force (rule 7). */
public record ScheduleAnnualReview(
        @TargetAggregateIdentifier AgreementId agreementId,
        ReviewId reviewId,
        ReviewKind kind,
        OffsetDateTime startsAt,
        String location,
        List<Reviewer> reviewers,
        String title) {

    /** The same command with its reviewers as given (the contact register refers them by contact). */
    public ScheduleAnnualReview withReviewers(List<Reviewer> referred) {
        return new ScheduleAnnualReview(agreementId, reviewId, kind, startsAt, location, referred, title);
    }
}
