package se.coop.command.web.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;
import se.coop.api.command.RescheduleReview;
import se.coop.api.input.Multiline;

public record RescheduleReviewRequest(
        @NotNull OffsetDateTime startsAt,
        @Size(max = 300) String location,
        @Size(max = 1000) @Multiline String reason) {

    public RescheduleReview toCommand(AgreementId agreementId, ReviewId reviewId) {
        return new RescheduleReview(agreementId, reviewId, startsAt, location, reason);
    }
}
