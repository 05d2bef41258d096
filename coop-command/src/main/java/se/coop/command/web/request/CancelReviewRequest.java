package se.coop.command.web.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.coop.api.AgreementId;
import se.coop.api.ReviewId;
import se.coop.api.command.CancelReview;
import se.coop.api.input.Multiline;

public record CancelReviewRequest(
        @NotBlank @Size(max = 1000) @Multiline String reason) {

    public CancelReview toCommand(AgreementId agreementId, ReviewId reviewId) {
        return new CancelReview(agreementId, reviewId, reason);
    }
}
